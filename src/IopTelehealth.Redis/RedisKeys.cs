using IopTelehealth.Domain.Rooms;
using StackExchange.Redis;

namespace IopTelehealth.Redis;

/// <summary>
/// The key layout, in one place (docs/room-stores.md mirrors it). Lua scripts build connection and node keys from
/// <see cref="ConnectionPrefix"/> and <see cref="NodePrefix"/>, so the stores need a single Redis (or one shard), not a cluster.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    /// <summary>Hash {rev, state}: the room's JSON and a store-owned revision for compare-and-set.</summary>
    public RedisKey Room(SessionId sessionId) => $"{prefix}room:{sessionId}";

    /// <summary>List of chat-line JSON, oldest first, trimmed to the last 500; expires with its room.</summary>
    public RedisKey Chat(SessionId sessionId) => $"{prefix}chat:{sessionId}";

    /// <summary>String: the session's media room record (JSON), written once with SET NX so every node uses the same room.</summary>
    public RedisKey MediaRoom(SessionId sessionId) => $"{prefix}media-room:{sessionId}";

    public RedisKey MediaHandle(long handleId) => $"{prefix}media-handle:{handleId}";

    /// <summary>Sorted set: session id → the room key's expiry (unix ms); ended rooms leave it.</summary>
    public RedisKey ActiveRooms => $"{prefix}rooms:active";

    /// <summary>Sorted set: session id → the room key's expiry (unix ms), while the room holds attendance facts not yet in the ledger.</summary>
    public RedisKey PendingAttendanceRooms => $"{prefix}rooms:attendance-pending";

    /// <summary>Hash {node, session, participant, user, seen}: one live connection.</summary>
    public RedisKey Connection(string connectionId) => $"{prefix}conn:{connectionId}";

    public string ConnectionPrefix => $"{prefix}conn:";

    /// <summary>Set of the connection ids a node serves.</summary>
    public RedisKey NodeConnections(string nodeId) => $"{prefix}node:{nodeId}";

    public string NodePrefix => $"{prefix}node:";

    /// <summary>Sorted set: node id → last node heartbeat (unix ms).</summary>
    public RedisKey Nodes => $"{prefix}nodes";
}
