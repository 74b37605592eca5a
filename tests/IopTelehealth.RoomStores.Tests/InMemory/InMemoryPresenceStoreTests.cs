using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.InMemory;

namespace IopTelehealth.RoomStores.Tests.InMemory;

public sealed class InMemoryPresenceStoreTests : PresenceStoreSpecification
{
    protected override IReadOnlyList<IPresenceStore> CreateNodes(int count)
    {
        var store = new InMemoryPresenceStore();
        return [.. Enumerable.Repeat(store, count)];
    }
}
