using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// Where a session's media room lives and how to administer it. Every server node must use the same room, so the
/// first node to place a session's room records it here and the others read it (in memory for one node, Redis for many).
/// The secret and pin stay on the server side: browsers never see them.
/// </summary>
public sealed record MediaRoomRecord(string Node, long RoomNumber, string Secret, string Pin, int Capacity);

/// <summary>Port: the session → media room map shared by all server nodes.</summary>
public interface IMediaRoomDirectory
{
    Task<MediaRoomRecord?> GetAsync(SessionId sessionId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="candidate"/> unless the session already has a room; returns the record that won.</summary>
    Task<MediaRoomRecord> GetOrAddAsync(SessionId sessionId, MediaRoomRecord candidate, CancellationToken cancellationToken = default);

    Task RemoveAsync(SessionId sessionId, CancellationToken cancellationToken = default);
}
