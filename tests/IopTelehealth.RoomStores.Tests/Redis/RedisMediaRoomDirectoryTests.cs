using IopTelehealth.Domain.Media;
using IopTelehealth.Redis;

namespace IopTelehealth.RoomStores.Tests.Redis;

public sealed class RedisMediaRoomDirectoryTests(RedisServerFixture redis) : MediaRoomDirectorySpecification, IClassFixture<RedisServerFixture>
{
    /// <summary>One directory per multiplexer in turn: server nodes that share nothing but Redis.</summary>
    protected override IReadOnlyList<IMediaRoomDirectory> CreateNodes(int count)
    {
        var options = new RedisRoomsOptions { KeyPrefix = redis.NewTestPrefix() };
        return [.. Enumerable.Range(0, count).Select(i => new RedisMediaRoomDirectory(redis.Nodes[i % redis.Nodes.Count], options))];
    }
}
