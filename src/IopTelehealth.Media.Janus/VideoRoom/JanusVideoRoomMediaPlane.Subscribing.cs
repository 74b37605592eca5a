using System.Text.Json.Nodes;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>
/// Subscriber side: one multistream subscriber handle per participant, brought up to date with the room's active
/// publishers. Renegotiations of one handle are serialized: the next update waits for the client's answer to the
/// previous offer, because Janus postpones offers on an unanswered subscription ("updating") and would push the
/// postponed one later, outside any request.
/// </summary>
public sealed partial class JanusVideoRoomMediaPlane
{
    public async Task<SessionDescription?> SubscribeAsync(SessionId sessionId, ParticipantId participantId, CancellationToken cancellationToken = default)
    {
        var room = await RoomAsync(sessionId, cancellationToken);
        var participant = room.Participant(participantId);
        await participant.SubscriberLock.WaitAsync(cancellationToken);
        try
        {
            await WaitForPreviousAnswerAsync(room, participant, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                var feeds = await ActivePublishersAsync(room, participant.FeedId, cancellationToken);
                try
                {
                    return await UpdateSubscriptionAsync(room, participant, feeds, cancellationToken);
                }
                catch (JanusException e) when (e.Level == JanusErrorLevel.Plugin && e.Code == JanusErrorCodes.VideoRoomNoSuchFeed && attempt < 3)
                {
                    // A publisher left between the list and the request: list again.
                }
                catch (JanusException e)
                {
                    throw Refused(e);
                }
            }
        }
        finally
        {
            participant.SubscriberLock.Release();
        }
    }

    public async Task AnswerSubscriptionAsync(SessionId sessionId, ParticipantId participantId, SessionDescription answer, CancellationToken cancellationToken = default)
    {
        SdpGuard.Check(answer, "answer");
        var room = await RoomAsync(sessionId, cancellationToken);
        if (!room.Participants.TryGetValue(participantId, out var participant)
            || participant.Subscriber is not { IsAlive: true } handle
            || participant.AwaitingAnswer is not { } awaiting)
        {
            throw new RoomException(RoomErrors.Conflict, "No subscriber offer is waiting for an answer.");
        }

        await Janus(() => handle.MessageAsync(VideoRoomRequests.Start(), VideoRoomRequests.Jsep(answer), cancellationToken));
        // Only now may the next renegotiation of this handle start.
        awaiting.TrySetResult();
    }

    private async Task WaitForPreviousAnswerAsync(MediaRoomState room, ParticipantMedia participant, CancellationToken cancellationToken)
    {
        if (participant.AwaitingAnswer is not { } awaiting)
        {
            return;
        }

        try
        {
            await awaiting.Task.WaitAsync(_options.NegotiationTimeout, _time, cancellationToken);
            participant.AwaitingAnswer = null;
        }
        catch (TimeoutException)
        {
            // The client dropped the offer; Janus would postpone every further offer on that handle. Start afresh.
            VideoRoomLog.AnswerTimedOut(_logger, room.SessionId, participant.Id);
            await DetachSubscriberAsync(participant);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The subscription was reset meanwhile (removal, recovery).
            participant.AwaitingAnswer = null;
        }
    }

    private async Task<SessionDescription?> UpdateSubscriptionAsync(MediaRoomState room, ParticipantMedia participant, IReadOnlyCollection<long> feeds, CancellationToken cancellationToken)
    {
        JanusPluginReply reply;
        if (participant.Subscriber is not { IsAlive: true } handle)
        {
            participant.ResetSubscriber();
            if (feeds.Count == 0)
            {
                return null;
            }

            handle = await room.Node.Gateway.AttachAsync(VideoRoomRequests.Plugin, cancellationToken);
            try
            {
                reply = await handle.MessageAsync(VideoRoomRequests.JoinSubscriber(room.Record, feeds), null, cancellationToken);
            }
            catch (JanusException)
            {
                await TryAsync(() => handle.DetachAsync(CancellationToken.None));
                throw;
            }

            participant.Subscriber = handle;
            _handles.Add(handle.Id, room.SessionId, participant.Id, MediaLeg.Subscriber);
        }
        else
        {
            var add = feeds.Where(feed => !participant.Subscriptions.ContainsKey(feed)).ToList();
            var gone = participant.Subscriptions.Where(pair => !feeds.Contains(pair.Key)).SelectMany(pair => pair.Value).ToList();
            if (add.Count == 0 && gone.Count == 0)
            {
                return null;
            }

            reply = await handle.MessageAsync(VideoRoomRequests.Update(add, gone), null, cancellationToken);
        }

        if (reply.Data["streams"] is JsonArray streams)
        {
            participant.Subscriptions = Subscriptions(streams);
        }

        if (reply.Jsep?["sdp"]?.GetValue<string>() is not { } offer)
        {
            return null;
        }

        participant.AwaitingAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new SessionDescription("offer", offer);
    }

    /// <summary>Active publishers (a PeerConnection up) other than the participant, from Janus: the truth on every server node.</summary>
    private async Task<IReadOnlyCollection<long>> ActivePublishersAsync(MediaRoomState room, long self, CancellationToken cancellationToken)
    {
        var reply = await _admin.RequestAsync(room.Node, VideoRoomRequests.ListParticipants(room.Record.RoomNumber), cancellationToken);
        return [.. (reply.Data["participants"]?.AsArray() ?? [])
            .Where(p => p?["publisher"]?.GetValue<bool>() == true)
            .Select(p => p!["id"]!.GetValue<long>())
            .Where(id => id != self)
            .Order()];
    }

    /// <summary>Feed → subscriber mids, from the <c>streams</c> of an <c>attached</c> or <c>updated</c> reply (inactive m-lines skipped).</summary>
    private static Dictionary<long, List<string>> Subscriptions(JsonArray streams)
    {
        var result = new Dictionary<long, List<string>>();
        foreach (var stream in streams.OfType<JsonObject>())
        {
            if (stream["feed_id"]?.GetValue<long>() is { } feed && stream["mid"]?.GetValue<string>() is { } mid && stream["active"]?.GetValue<bool>() != false)
            {
                if (!result.TryGetValue(feed, out var mids))
                {
                    result[feed] = mids = [];
                }

                mids.Add(mid);
            }
        }

        return result;
    }

    private async Task DetachSubscriberAsync(ParticipantMedia participant)
    {
        if (participant.Subscriber is { } handle)
        {
            _handles.Retire(handle.Id);
            await TryAsync(() => handle.DetachAsync(CancellationToken.None));
        }

        participant.ResetSubscriber();
    }
}
