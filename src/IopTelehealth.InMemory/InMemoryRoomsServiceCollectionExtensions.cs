using IopTelehealth.Domain.Rooms.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IopTelehealth.InMemory;

public static class InMemoryRoomsServiceCollectionExtensions
{
    /// <summary>
    /// The embedded default: room state and presence in this process. Only correct with a single server node;
    /// several nodes need the Redis stores.
    /// </summary>
    public static IServiceCollection AddInMemoryRooms(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InMemoryRoomStore>();
        services.AddSingleton<IRoomStore>(sp => sp.GetRequiredService<InMemoryRoomStore>());
        services.AddSingleton<InMemoryPresenceStore>();
        services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<InMemoryPresenceStore>());
        return services;
    }
}
