using System.Globalization;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using StackExchange.Redis;

namespace IopTelehealth.Redis;

/// <summary>
/// Presence shared by every node: a hash per connection, a set of connection ids per node, and a sorted set of nodes
/// scored by their last heartbeat. A sweeper finds nodes whose heartbeat is older than a deadline and claims each one
/// with <see cref="ClaimNodeAsync"/>, which is one Lua script: exclusive (ZREM decides the winner) and crash-safe (the
/// connections are read and deleted in the same atomic step). Times are kept in unix milliseconds.
/// No key-expiry notifications are used: they are fire-and-forget in Redis and lost when no node listens.
/// </summary>
public sealed class RedisPresenceStore : IPresenceStore
{
    private static readonly RedisValue[] ConnectionFields = ["node", "session", "participant", "user", "seen"];

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;

    public RedisPresenceStore(IConnectionMultiplexer redis, RedisRoomsOptions options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _db = redis.GetDatabase(options.Database);
        _keys = new RedisKeys(options.KeyPrefix);
    }

    public Task RegisterAsync(PresenceEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _db.ScriptEvaluateAsync(
            PresenceScripts.Register,
            [_keys.Connection(entry.ConnectionId)],
            [
                _keys.NodePrefix,
                entry.NodeId,
                entry.SessionId.ToString(),
                entry.ParticipantId.Value,
                entry.UserId.ToString("N"),
                entry.LastSeen.ToUnixTimeMilliseconds(),
                entry.ConnectionId,
            ]);
    }

    public async Task<PresenceEntry?> GetAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        var fields = await _db.HashGetAsync(_keys.Connection(connectionId), ConnectionFields);
        return fields[0].IsNull ? null : ToEntry(connectionId, fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    public Task HeartbeatAsync(string connectionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _db.ScriptEvaluateAsync(PresenceScripts.Heartbeat, [_keys.Connection(connectionId)], [at.ToUnixTimeMilliseconds()]);

    public Task RemoveAsync(string connectionId, CancellationToken cancellationToken = default) =>
        _db.ScriptEvaluateAsync(PresenceScripts.Remove, [_keys.Connection(connectionId)], [_keys.NodePrefix, connectionId]);

    public Task NodeHeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _db.SortedSetAddAsync(_keys.Nodes, nodeId, at.ToUnixTimeMilliseconds());

    public async Task<IReadOnlyList<string>> ExpiredNodesAsync(DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        var nodes = await _db.SortedSetRangeByScoreAsync(_keys.Nodes, double.NegativeInfinity, deadline.ToUnixTimeMilliseconds(), Exclude.Stop);
        return [.. nodes.Select(n => n.ToString())];
    }

    public async Task<IReadOnlyList<PresenceEntry>> ClaimNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        var result = await _db.ScriptEvaluateAsync(
            PresenceScripts.ClaimNode,
            [_keys.Nodes, _keys.NodeConnections(nodeId)],
            [nodeId, _keys.ConnectionPrefix]);
        var flat = (RedisValue[])result!;
        var claimed = new List<PresenceEntry>(flat.Length / 5);
        for (var i = 0; i + 4 < flat.Length; i += 5)
        {
            claimed.Add(ToEntry(flat[i].ToString(), nodeId, flat[i + 1], flat[i + 2], flat[i + 3], flat[i + 4]));
        }

        return claimed;
    }

    private static PresenceEntry ToEntry(string connectionId, RedisValue node, RedisValue session, RedisValue participant, RedisValue user, RedisValue seen) => new(
        connectionId,
        node.ToString(),
        new SessionId(Guid.Parse(session.ToString())),
        new ParticipantId(participant.ToString()),
        Guid.Parse(user.ToString()),
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(seen.ToString(), CultureInfo.InvariantCulture)));
}
