using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace IopTelehealth.Redis;

public static class RedisRoomsServiceCollectionExtensions
{
    /// <summary>
    /// Room state and presence in Redis, shared by several server nodes. Connects (once, on first use) with a
    /// StackExchange.Redis configuration string such as <c>"127.0.0.1:6379,abortConnect=false"</c>. A multiplexer
    /// the host registered before (for the SignalR backplane, say) is reused instead.
    /// </summary>
    public static IServiceCollection AddRedisRooms(this IServiceCollection services, string configuration, Action<RedisRoomsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        return services.AddRedisRoomStores(configure);
    }

    /// <summary>As <see cref="AddRedisRooms(IServiceCollection, string, Action{RedisRoomsOptions}?)"/> with a connection the caller owns.</summary>
    public static IServiceCollection AddRedisRooms(this IServiceCollection services, IConnectionMultiplexer redis, Action<RedisRoomsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redis);
        services.TryAddSingleton(redis);
        return services.AddRedisRoomStores(configure);
    }

    private static IServiceCollection AddRedisRoomStores(this IServiceCollection services, Action<RedisRoomsOptions>? configure)
    {
        var options = new RedisRoomsOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RedisRoomStore>();
        services.AddSingleton<IRoomStore>(sp => sp.GetRequiredService<RedisRoomStore>());
        services.AddSingleton<RedisPresenceStore>();
        services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<RedisPresenceStore>());
        // Registered before the media plane (AddJanusMediaPlane only adds its in-memory directory when none exists).
        services.AddSingleton<IMediaRoomDirectory, RedisMediaRoomDirectory>();
        services.AddSingleton<IMediaHandleDirectory, RedisMediaHandleDirectory>();
        return services;
    }
}
