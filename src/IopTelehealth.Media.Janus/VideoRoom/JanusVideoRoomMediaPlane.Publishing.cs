using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>Publisher side: publish, trickle, moderation (mute at the SFU), removal.</summary>
public sealed partial class JanusVideoRoomMediaPlane
{
    public async Task<SessionDescription> PublishAsync(SessionId sessionId, ParticipantId participantId, string owner, SessionDescription offer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        SdpGuard.Check(offer, "offer");
        var fingerprint = Fingerprint(offer.Sdp);
        var room = await RoomAsync(sessionId, cancellationToken);
        var participant = room.Participant(participantId);
        await participant.PublisherLock.WaitAsync(cancellationToken);
        try
        {
            // Decided under the lock, so two calls of a new page never both replace. Another connection with another
            // peer connection is a new page (reload, new tab): Janus cannot take its offer as a renegotiation of the old
            // PeerConnection, and the feed id must leave before it can join again. Another connection with the same
            // fingerprint is the same page after a signaling blip: it renegotiates as before.
            if (participant.Publisher is not null && participant.PublisherOwner != owner
                && (fingerprint is null || fingerprint != participant.PublisherFingerprint))
            {
                VideoRoomLog.HandleReplaced(_logger, sessionId, participantId, MediaLeg.Publisher);
                await DetachPublisherAsync(participant);
            }

            var handle = await PublisherHandleAsync(room, participant, cancellationToken);
            // publish the first time; configure renegotiates an existing publication (publish would answer 434).
            var body = participant.Published ? VideoRoomRequests.Configure() : VideoRoomRequests.Publish(_options.PublisherBitrate);
            var reply = await Janus(() => handle.MessageAsync(body, VideoRoomRequests.Jsep(offer), cancellationToken));
            var answer = reply.Jsep?["sdp"]?.GetValue<string>()
                ?? throw new RoomException(RoomErrors.MediaUnavailable, "The media server sent no answer.");
            participant.Published = true;
            participant.PublisherOwner = owner;
            participant.PublisherFingerprint = fingerprint ?? participant.PublisherFingerprint;
            participant.PublishedMids = [.. SdpGuard.MediaMids(offer.Sdp)];
            foreach (var kind in participant.Muted)
            {
                await ModerateAsync(room, participant.FeedId, participant.PublishedMids, kind, muted: true, cancellationToken);
            }

            return new SessionDescription("answer", answer);
        }
        finally
        {
            participant.PublisherLock.Release();
        }
    }

    public async Task TrickleAsync(SessionId sessionId, ParticipantId participantId, MediaLeg leg, IceCandidate candidate, CancellationToken cancellationToken = default)
    {
        CandidateGuard.Check(candidate, _options.AllowLoopbackCandidates);
        var room = await RoomAsync(sessionId, cancellationToken);
        if (!room.Participants.TryGetValue(participantId, out var participant))
        {
            throw new RoomException(RoomErrors.Conflict, "No media connection to trickle to yet.");
        }

        var handle = (leg == MediaLeg.Publisher ? participant.Publisher : participant.Subscriber) is { IsAlive: true } alive
            ? alive
            : throw new RoomException(RoomErrors.Conflict, "No media connection to trickle to yet.");
        await Janus(() => handle.TrickleAsync(VideoRoomRequests.Candidate(candidate), cancellationToken));
    }

    public async Task SetMutedAsync(SessionId sessionId, ParticipantId participantId, MediaKind kind, bool muted, CancellationToken cancellationToken = default)
    {
        var room = await RoomAsync(sessionId, cancellationToken);
        var participant = room.Participant(participantId);
        await participant.PublisherLock.WaitAsync(cancellationToken);
        try
        {
            // Remembered first: a participant who has not published yet is muted the moment they do.
            if (muted)
            {
                participant.Muted.Add(kind);
            }
            else
            {
                participant.Muted.Remove(kind);
            }

            var mids = participant.Published ? participant.PublishedMids : await PublishedStreamsAsync(room, participant.FeedId, cancellationToken);
            await ModerateAsync(room, participant.FeedId, mids, kind, muted, cancellationToken);
        }
        finally
        {
            participant.PublisherLock.Release();
        }
    }

    public async Task RemoveParticipantAsync(SessionId sessionId, ParticipantId participantId, CancellationToken cancellationToken = default)
    {
        var room = await FindRoomAsync(sessionId, cancellationToken);
        if (room is null)
        {
            return;
        }

        // Kicked at the SFU even when another server node holds the handles: the feed id is the same everywhere.
        await Janus(() => KickAsync(room, FeedIds.For(participantId), cancellationToken));

        if (room.Participants.TryRemove(participantId, out var participant))
        {
            await DetachAllAsync(participant);
        }
    }

    private async Task<IJanusHandle> PublisherHandleAsync(MediaRoomState room, ParticipantMedia participant, CancellationToken cancellationToken)
    {
        if (participant.Publisher is { IsAlive: true } alive)
        {
            return alive;
        }

        participant.ResetPublisher();
        var handle = await Janus(() => room.Node.Gateway.AttachAsync(VideoRoomRequests.Plugin, cancellationToken));
        try
        {
            var join = VideoRoomRequests.JoinPublisher(room.Record, participant.FeedId, participant.Id);
            try
            {
                await handle.MessageAsync(join, null, cancellationToken);
            }
            catch (JanusException e) when (e.Level == JanusErrorLevel.Plugin && e.Code == JanusErrorCodes.VideoRoomIdExists)
            {
                // A stale participant with our id: its handle lived on a lost session or another server node, or it is our
                // own detached handle, which Janus lets go of a moment after the detach. Replace it; if it is gone by the
                // time of the kick, so much the better.
                await KickAsync(room, participant.FeedId, cancellationToken);
                await handle.MessageAsync(join, null, cancellationToken);
            }
        }
        catch (JanusException e)
        {
            await handle.DetachAsync(CancellationToken.None);
            throw Refused(e);
        }

        participant.Publisher = handle;
        await _handles.AddAsync(handle.Id, new MediaHandleOwner(room.SessionId, participant.Id, MediaLeg.Publisher), cancellationToken);
        var (sessionId, participantId) = (room.SessionId, participant.Id);
        handle.EventReceived += (_, pushed) => OnPublisherEvent(sessionId, participantId, pushed);
        return handle;
    }

    /// <summary>Takes the feed id out of the room at Janus; one that is not there (never joined, or left already) is fine.</summary>
    private async Task KickAsync(MediaRoomState room, long feed, CancellationToken cancellationToken)
    {
        try
        {
            await _admin.RequestAsync(room.Node, VideoRoomRequests.Kick(room.Record, feed), cancellationToken);
        }
        catch (JanusException e) when (e.Level == JanusErrorLevel.Plugin && e.Code == JanusErrorCodes.VideoRoomNoSuchFeed)
        {
            // 428: nobody to kick.
        }
    }

    /// <summary>
    /// The node holding the publisher handle hears its PeerConnection come up or go down on the WebSocket itself, without
    /// depending on the event handler's posts: the app tells the other participants to subscribe (or drop the feed).
    /// </summary>
    private void OnPublisherEvent(SessionId sessionId, ParticipantId participantId, JanusHandleEvent pushed)
    {
        MediaEventKind? kind = pushed.Type switch
        {
            "webrtcup" => MediaEventKind.Up,
            "hangup" => MediaEventKind.Down,
            _ => null,
        };
        if (kind is { } k)
        {
            // Off the gateway's receive loop: listeners do I/O.
            _ = Task.Run(() => RaiseAsync(sessionId, participantId, k, MediaLeg.Publisher));
        }
    }

    private async Task ModerateAsync(MediaRoomState room, long feed, IEnumerable<(MediaKind Kind, string Mid)> mids, MediaKind kind, bool muted, CancellationToken cancellationToken)
    {
        foreach (var (_, mid) in mids.Where(stream => stream.Kind == kind))
        {
            try
            {
                await _admin.RequestAsync(room.Node, VideoRoomRequests.Moderate(room.Record, feed, mid, muted), cancellationToken);
            }
            catch (JanusException e) when (e.Level == JanusErrorLevel.Plugin && e.Code == JanusErrorCodes.VideoRoomNoSuchFeed)
            {
                // 428: not published (any more). The wish is remembered and applied at the next publish.
            }
            catch (JanusException e)
            {
                throw Refused(e);
            }
        }
    }

    /// <summary>
    /// The streams of a publisher whose handle another server node holds: a short-lived listening participant reads
    /// the room's active publishers (the VideoRoom has no other request that lists a publisher's mids).
    /// </summary>
    private async Task<List<(MediaKind Kind, string Mid)>> PublishedStreamsAsync(MediaRoomState room, long feed, CancellationToken cancellationToken)
    {
        var handle = await Janus(() => room.Node.Gateway.AttachAsync(VideoRoomRequests.Plugin, cancellationToken));
        try
        {
            var joined = await Janus(() => handle.MessageAsync(VideoRoomRequests.JoinObserver(room.Record), null, cancellationToken));
            var publisher = joined.Data["publishers"]?.AsArray().FirstOrDefault(p => p?["id"]?.GetValue<long>() == feed);
            return [.. (publisher?["streams"]?.AsArray() ?? [])
                .Select(stream => (Type: stream?["type"]?.GetValue<string>(), Mid: stream?["mid"]?.GetValue<string>()))
                .Where(stream => stream.Mid is not null && stream.Type is "audio" or "video")
                .Select(stream => (stream.Type == "audio" ? MediaKind.Audio : MediaKind.Video, stream.Mid!))];
        }
        finally
        {
            await TryAsync(() => handle.DetachAsync(CancellationToken.None));
        }
    }

    private async Task DetachPublisherAsync(ParticipantMedia participant)
    {
        if (participant.Publisher is { } handle)
        {
            await _handles.RetireAsync(handle.Id);
            await TryAsync(() => handle.DetachAsync(CancellationToken.None));
        }

        participant.ResetPublisher();
    }

    /// <summary>The first DTLS fingerprint of an SDP: the same for every offer of one peer connection, new for a new one.</summary>
    private static string? Fingerprint(string sdp) =>
        sdp.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .FirstOrDefault(line => line.StartsWith("a=fingerprint:", StringComparison.Ordinal))?["a=fingerprint:".Length..]
            .Trim()
            .ToUpperInvariant();

    private async Task DetachAllAsync(ParticipantMedia participant)
    {
        foreach (var handle in new[] { participant.Publisher, participant.Subscriber })
        {
            if (handle is not null)
            {
                await _handles.RetireAsync(handle.Id);
                await TryAsync(() => handle.DetachAsync(CancellationToken.None));
            }
        }

        participant.ResetPublisher();
        participant.ResetSubscriber();
    }
}
