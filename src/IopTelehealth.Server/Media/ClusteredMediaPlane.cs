using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.VideoRoom;

namespace IopTelehealth.Server.Media;

/// <summary>
/// The Janus media plane, made whole across server nodes. A participant's handles live on the node that serves their
/// connection, but removal and the end of a session can run on any node (a moderator's node, the sweeper's): Janus kicks
/// and destroys there, and this tells every other node over Redis to drop what it still holds (the removed participant's
/// subscriber connection above all). Without Redis there is one node and nothing to tell.
/// </summary>
internal sealed class ClusteredMediaPlane(JanusVideoRoomMediaPlane inner, MediaNodeLink? link) : IMediaPlane
{
    public Task<MediaPlacement> EnsureRoomAsync(SessionId sessionId, int capacity, CancellationToken cancellationToken = default) =>
        inner.EnsureRoomAsync(sessionId, capacity, cancellationToken);

    public Task<SessionDescription> PublishAsync(SessionId sessionId, ParticipantId participantId, string owner, SessionDescription offer, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(sessionId, participantId, owner, offer, cancellationToken);

    public Task<SessionDescription?> SubscribeAsync(SessionId sessionId, ParticipantId participantId, string owner, bool includeVideo, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(sessionId, participantId, owner, includeVideo, cancellationToken);

    public Task AnswerSubscriptionAsync(SessionId sessionId, ParticipantId participantId, SessionDescription answer, CancellationToken cancellationToken = default) =>
        inner.AnswerSubscriptionAsync(sessionId, participantId, answer, cancellationToken);

    public Task TrickleAsync(SessionId sessionId, ParticipantId participantId, MediaLeg leg, IceCandidate candidate, CancellationToken cancellationToken = default) =>
        inner.TrickleAsync(sessionId, participantId, leg, candidate, cancellationToken);

    public Task SetMutedAsync(SessionId sessionId, ParticipantId participantId, MediaKind kind, bool muted, CancellationToken cancellationToken = default) =>
        inner.SetMutedAsync(sessionId, participantId, kind, muted, cancellationToken);

    public async Task RemoveParticipantAsync(SessionId sessionId, ParticipantId participantId, CancellationToken cancellationToken = default)
    {
        await inner.RemoveParticipantAsync(sessionId, participantId, cancellationToken);
        if (link is not null)
        {
            await link.PublishAsync($"remove|{sessionId.Value}|{participantId.Value}");
        }
    }

    public async Task CloseRoomAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        await inner.CloseRoomAsync(sessionId, cancellationToken);
        if (link is not null)
        {
            await link.PublishAsync($"close|{sessionId.Value}");
        }
    }

    /// <summary>What another node asked this one to drop.</summary>
    internal Task OnPeerMessageAsync(string message)
    {
        var parts = message.Split('|');
        return parts switch
        {
            ["remove", var session, var participant] when Guid.TryParse(session, out var id) => inner.ReleaseLocalAsync(new SessionId(id), new ParticipantId(participant)),
            ["close", var session] when Guid.TryParse(session, out var id) => inner.ForgetRoomLocalAsync(new SessionId(id)),
            _ => Task.CompletedTask,
        };
    }
}
