using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>The room directory of a single server node. Several nodes use the Redis one (IopTelehealth.Redis).</summary>
public sealed class InMemoryMediaRoomDirectory : IMediaRoomDirectory
{
    private readonly ConcurrentDictionary<SessionId, MediaRoomRecord> _rooms = new();

    public Task<MediaRoomRecord?> GetAsync(SessionId sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rooms.TryGetValue(sessionId, out var record) ? record : null);

    public Task<MediaRoomRecord> GetOrAddAsync(SessionId sessionId, MediaRoomRecord candidate, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rooms.GetOrAdd(sessionId, candidate));

    public Task RemoveAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        _rooms.TryRemove(sessionId, out _);
        return Task.CompletedTask;
    }
}
