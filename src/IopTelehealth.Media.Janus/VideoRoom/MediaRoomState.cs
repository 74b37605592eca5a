using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>What this server node holds for one session's media room: the room's record and its participants' handles.</summary>
internal sealed class MediaRoomState(SessionId sessionId, MediaRoomRecord record, JanusNode node)
{
    public SessionId SessionId { get; } = sessionId;

    public MediaRoomRecord Record { get; } = record;

    public JanusNode Node { get; } = node;

    public ConcurrentDictionary<ParticipantId, ParticipantMedia> Participants { get; } = new();

    public ParticipantMedia Participant(ParticipantId participantId) =>
        Participants.GetOrAdd(participantId, id => new ParticipantMedia(id, FeedIds.For(id)));

    public MediaPlacement Placement => new(SessionId, Node.Name, Record.RoomNumber);
}

/// <summary>
/// One participant's handles. Publisher and subscriber each have a lock so their negotiations never interleave; a
/// subscriber offer stays "awaiting an answer" until the client answers (or the negotiation timeout passes).
/// </summary>
internal sealed class ParticipantMedia(ParticipantId id, long feedId)
{
    public ParticipantId Id { get; } = id;

    public long FeedId { get; } = feedId;

    public SemaphoreSlim PublisherLock { get; } = new(1, 1);

    public SemaphoreSlim SubscriberLock { get; } = new(1, 1);

    public IJanusHandle? Publisher { get; set; }

    /// <summary>The signaling connection that last published, and the DTLS fingerprint of its peer connection.</summary>
    public string? PublisherOwner { get; set; }

    public string? PublisherFingerprint { get; set; }

    public bool Published { get; set; }

    public List<(MediaKind Kind, string Mid)> PublishedMids { get; set; } = [];

    /// <summary>Kinds the moderator stopped; applied again after every publish (Janus forgets them with the stream).</summary>
    public HashSet<MediaKind> Muted { get; } = [];

    public IJanusHandle? Subscriber { get; set; }

    /// <summary>The signaling connection whose page holds the subscriber handle's peer connection.</summary>
    public string? SubscriberOwner { get; set; }

    /// <summary>The publishers' streams the subscriber connection receives, each on its own m-line.</summary>
    public List<SubscribedStream> Subscriptions { get; set; } = [];

    public TaskCompletionSource? AwaitingAnswer { get; set; }

    public void ResetSubscriber()
    {
        Subscriber = null;
        SubscriberOwner = null;
        Subscriptions = [];
        AwaitingAnswer?.TrySetCanceled();
        AwaitingAnswer = null;
    }

    public void ResetPublisher()
    {
        Publisher = null;
        PublisherOwner = null;
        PublisherFingerprint = null;
        Published = false;
        PublishedMids = [];
    }
}

/// <summary>One published stream: the publisher's feed id and the stream's mid in the publisher's SDP.</summary>
internal sealed record FeedStream(long Feed, string Mid);

/// <summary>A published stream as a subscriber receives it: <paramref name="SubMid"/> is its mid in the subscriber's SDP.</summary>
internal sealed record SubscribedStream(long Feed, string FeedMid, string SubMid);
