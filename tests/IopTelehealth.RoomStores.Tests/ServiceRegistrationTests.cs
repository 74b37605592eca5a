using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.InMemory;
using IopTelehealth.Redis;
using IopTelehealth.RoomStores.Tests.Redis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>Each DI extension registers its two stores as singletons behind the ports.</summary>
public sealed class ServiceRegistrationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public void AddInMemoryRooms_registers_one_instance_of_each_store_behind_its_port()
    {
        using var services = new ServiceCollection().AddInMemoryRooms().BuildServiceProvider();

        Assert.IsType<InMemoryRoomStore>(services.GetRequiredService<IRoomStore>());
        Assert.Same(services.GetRequiredService<IRoomStore>(), services.GetRequiredService<InMemoryRoomStore>());
        Assert.IsType<InMemoryPresenceStore>(services.GetRequiredService<IPresenceStore>());
        Assert.Same(services.GetRequiredService<IPresenceStore>(), services.GetRequiredService<IPresenceStore>());
    }

    [Fact]
    public async Task AddRedisRooms_connects_once_and_its_stores_share_that_connection()
    {
        await using var services = new ServiceCollection()
            .AddRedisRooms(redis.Endpoint, options => options.KeyPrefix = redis.NewTestPrefix())
            .BuildServiceProvider();

        var store = Assert.IsType<RedisRoomStore>(services.GetRequiredService<IRoomStore>());
        Assert.IsType<RedisPresenceStore>(services.GetRequiredService<IPresenceStore>());
        Assert.Same(services.GetRequiredService<IConnectionMultiplexer>(), services.GetRequiredService<IConnectionMultiplexer>());
        Assert.Empty(await store.ListActiveAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AddRedisRooms_refuses_an_unusable_setting_naming_it()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddRedisRooms(redis.Endpoint, options => options.MaxChangeAttempts = 0));

        Assert.Contains(nameof(RedisRoomsOptions.MaxChangeAttempts), refused.Message, StringComparison.Ordinal);
    }
}
