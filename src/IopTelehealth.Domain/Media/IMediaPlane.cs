using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// Port: the SFU side of a session's media, in domain terms (the mesh mode has no SFU: the hub relays between peers and
/// this port is not used). Implementations hold every media-server handle and secret; browsers only ever see SDP and ICE.
/// Calls for one participant are serialized by the implementation (renegotiations must not interleave).
/// </summary>
public interface IMediaPlane
{
    /// <summary>Creates the session's media room if needed (on the least-loaded node) and returns where it lives.</summary>
    Task<MediaPlacement> EnsureRoomAsync(SessionId sessionId, int capacity, CancellationToken cancellationToken = default);

    /// <summary>
    /// The participant starts sending: their offer in, the SFU's answer out. <paramref name="owner"/> names the caller's
    /// signaling connection (the hub connection id): an offer of a new peer connection from another connection than the one
    /// that published (a new page of the same participant) starts a new publication instead of renegotiating the old one.
    /// </summary>
    Task<SessionDescription> PublishAsync(SessionId sessionId, ParticipantId participantId, string owner, SessionDescription offer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings the participant's receiving connection up to date with the room's current publishers (excluding
    /// themselves): every published stream, or their audio only when <paramref name="includeVideo"/> is false (audio-only
    /// mode receives no video at all). Returns the SFU's offer to answer, or null when nothing changed. The first call from
    /// another <paramref name="owner"/> (signaling connection) than the one that started the receiving connection starts a
    /// new one (a new page has no connection to renegotiate): its offer carries every current stream.
    /// </summary>
    Task<SessionDescription?> SubscribeAsync(SessionId sessionId, ParticipantId participantId, string owner, bool includeVideo, CancellationToken cancellationToken = default);

    /// <summary>The participant's answer to the last subscriber offer.</summary>
    Task AnswerSubscriptionAsync(SessionId sessionId, ParticipantId participantId, SessionDescription answer, CancellationToken cancellationToken = default);

    Task TrickleAsync(SessionId sessionId, ParticipantId participantId, MediaLeg leg, IceCandidate candidate, CancellationToken cancellationToken = default);

    /// <summary>Stops (or lets through again) one kind of a participant's media at the SFU, whatever their browser sends.</summary>
    Task SetMutedAsync(SessionId sessionId, ParticipantId participantId, MediaKind kind, bool muted, CancellationToken cancellationToken = default);

    /// <summary>The participant left or was removed: their publisher is kicked and both of their connections are closed.</summary>
    Task RemoveParticipantAsync(SessionId sessionId, ParticipantId participantId, CancellationToken cancellationToken = default);

    /// <summary>The session ended: the media room is destroyed.</summary>
    Task CloseRoomAsync(SessionId sessionId, CancellationToken cancellationToken = default);
}

/// <summary>Port: receives what the media plane observed (publisher up/down, media flowing or stalled, server lost).</summary>
public interface IMediaEventListener
{
    Task OnMediaEventAsync(MediaEvent mediaEvent, CancellationToken cancellationToken = default);
}
