using IopTelehealth.Domain.Media;
using IopTelehealth.Redis;

namespace IopTelehealth.RoomStores.Tests.Redis;

public sealed class RedisMediaHandleDirectoryTests(RedisServerFixture redis) : MediaHandleDirectorySpecification, IClassFixture<RedisServerFixture>
{
    /// <summary>One directory per multiplexer in turn: server nodes that share nothing but Redis.</summary>
    protected override IReadOnlyList<IMediaHandleDirectory> CreateNodes(int count)
    {
        var options = new RedisRoomsOptions { KeyPrefix = redis.NewTestPrefix() };
        return [.. Enumerable.Range(0, count).Select(i => new RedisMediaHandleDirectory(redis.Nodes[i % redis.Nodes.Count], options))];
    }
}
