using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>Whose media-server handle it is: the participant and which of their connections.</summary>
public sealed record MediaHandleOwner(SessionId SessionId, ParticipantId ParticipantId, MediaLeg Leg);

/// <summary>
/// Port: media-server handle id → owner, for the media server's event posts. The server node holding a handle records it;
/// the media server posts its events to ONE server node, so with several nodes the map is shared (Redis), else in memory.
/// </summary>
public interface IMediaHandleDirectory
{
    /// <summary>A handle closed this long ago still has its last events (hangup, detached) posted: its owner stays known.</summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    Task AddAsync(long handleId, MediaHandleOwner owner, CancellationToken cancellationToken = default);

    /// <summary>The handle is being closed: its owner stays known for <see cref="RetireAfter"/>, then is forgotten.</summary>
    Task RetireAsync(long handleId, CancellationToken cancellationToken = default);

    /// <summary>Forgets the handle at once (its session is gone: no more events will come for it).</summary>
    Task RemoveAsync(long handleId, CancellationToken cancellationToken = default);

    Task<MediaHandleOwner?> FindAsync(long handleId, CancellationToken cancellationToken = default);
}
