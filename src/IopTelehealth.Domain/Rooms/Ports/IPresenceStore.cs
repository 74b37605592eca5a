namespace IopTelehealth.Domain.Rooms.Ports;

/// <summary>One live connection of a participant: where it is served and when it was last heard from.</summary>
public sealed record PresenceEntry(string ConnectionId, string NodeId, SessionId SessionId, ParticipantId ParticipantId, Guid UserId, DateTimeOffset LastSeen);

/// <summary>
/// Port: who is connected where. Nodes heartbeat; a sweeper on any node claims a node whose heartbeat expired and
/// disconnects its participants at their own last heartbeat (not at detection time), which attendance relies on.
/// </summary>
public interface IPresenceStore
{
    Task RegisterAsync(PresenceEntry entry, CancellationToken cancellationToken = default);

    Task<PresenceEntry?> GetAsync(string connectionId, CancellationToken cancellationToken = default);

    Task HeartbeatAsync(string connectionId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task RemoveAsync(string connectionId, CancellationToken cancellationToken = default);

    Task NodeHeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Nodes whose last heartbeat is older than <paramref name="deadline"/>.</summary>
    Task<IReadOnlyList<string>> ExpiredNodesAsync(DateTimeOffset deadline, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically takes a dead node and its connections out of the store. Exactly one caller gets the connections;
    /// every other concurrent caller gets an empty list.
    /// </summary>
    Task<IReadOnlyList<PresenceEntry>> ClaimNodeAsync(string nodeId, CancellationToken cancellationToken = default);
}
