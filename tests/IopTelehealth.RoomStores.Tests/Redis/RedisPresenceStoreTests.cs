using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Redis;

namespace IopTelehealth.RoomStores.Tests.Redis;

public sealed class RedisPresenceStoreTests(RedisServerFixture redis) : PresenceStoreSpecification, IClassFixture<RedisServerFixture>
{
    protected override IReadOnlyList<IPresenceStore> CreateNodes(int count)
    {
        var options = new RedisRoomsOptions { KeyPrefix = redis.NewTestPrefix() };
        return [.. Enumerable.Range(0, count).Select(i => new RedisPresenceStore(redis.Nodes[i % redis.Nodes.Count], options))];
    }
}
