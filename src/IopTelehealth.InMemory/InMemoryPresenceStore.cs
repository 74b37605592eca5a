using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.InMemory;

/// <summary>
/// The embedded presence store for a single node. One lock guards the three maps: presence changes are tiny and rare
/// next to media traffic, and a single lock makes <see cref="ClaimNodeAsync"/> trivially atomic and exclusive.
/// </summary>
public sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PresenceEntry> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _connectionsByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _nodeHeartbeats = new(StringComparer.Ordinal);

    public Task RegisterAsync(PresenceEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            RemoveLocked(entry.ConnectionId);
            _connections[entry.ConnectionId] = entry;
            if (!_connectionsByNode.TryGetValue(entry.NodeId, out var ids))
            {
                _connectionsByNode[entry.NodeId] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(entry.ConnectionId);
        }

        return Task.CompletedTask;
    }

    public Task<PresenceEntry?> GetAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_connections.GetValueOrDefault(connectionId));
        }
    }

    /// <summary>Moves last-seen forward only: a delayed, older heartbeat must not shorten a billed interval.</summary>
    public Task HeartbeatAsync(string connectionId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var entry) && at > entry.LastSeen)
            {
                _connections[connectionId] = entry with { LastSeen = at };
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            RemoveLocked(connectionId);
        }

        return Task.CompletedTask;
    }

    public Task NodeHeartbeatAsync(string nodeId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _nodeHeartbeats[nodeId] = at;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ExpiredNodesAsync(DateTimeOffset deadline, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _nodeHeartbeats.Where(n => n.Value < deadline).Select(n => n.Key)]);
        }
    }

    public Task<IReadOnlyList<PresenceEntry>> ClaimNodeAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Only the caller that takes the node out of the heartbeat map gets its connections.
            if (!_nodeHeartbeats.Remove(nodeId) || !_connectionsByNode.Remove(nodeId, out var ids))
            {
                return Task.FromResult<IReadOnlyList<PresenceEntry>>([]);
            }

            var claimed = new List<PresenceEntry>(ids.Count);
            foreach (var id in ids)
            {
                if (_connections.Remove(id, out var entry))
                {
                    claimed.Add(entry);
                }
            }

            return Task.FromResult<IReadOnlyList<PresenceEntry>>(claimed);
        }
    }

    private void RemoveLocked(string connectionId)
    {
        if (!_connections.Remove(connectionId, out var entry) || !_connectionsByNode.TryGetValue(entry.NodeId, out var ids))
        {
            return;
        }

        ids.Remove(connectionId);
        if (ids.Count == 0)
        {
            _connectionsByNode.Remove(entry.NodeId);
        }
    }
}
