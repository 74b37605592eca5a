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
    public async Task<SessionDescription?> SubscribeAsync(SessionId sessionId, ParticipantId participantId, string owner, bool includeVideo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var room = await RoomAsync(sessionId, cancellationToken);
        var participant = room.Participant(participantId);
        await participant.SubscriberLock.WaitAsync(cancellationToken);
        try
        {
            // Decided under the lock, so two calls of a new page never both replace. A page that did not start the
            // subscriber connection has none to renegotiate (a reload, a new tab): it gets a new handle whose offer
            // carries every current stream, and the old page's unanswered offer is not waited for.
            if (participant.Subscriber is not null && participant.SubscriberOwner != owner)
            {
                VideoRoomLog.HandleReplaced(_logger, sessionId, participantId, MediaLeg.Subscriber);
                await DetachSubscriberAsync(participant);
            }

            await WaitForPreviousAnswerAsync(room, participant, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                var streams = await ActiveStreamsAsync(room, participant.FeedId, includeVideo, cancellationToken);
                try
                {
                    return await UpdateSubscriptionAsync(room, participant, owner, streams, cancellationToken);
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
            throw new RoomException(RoomErrors.NoPendingOffer, "No subscriber offer is waiting for an answer.");
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

    private async Task<SessionDescription?> UpdateSubscriptionAsync(MediaRoomState room, ParticipantMedia participant, string owner, IReadOnlyCollection<FeedStream> wanted, CancellationToken cancellationToken)
    {
        JanusPluginReply reply;
        if (participant.Subscriber is not { IsAlive: true } handle)
        {
            participant.ResetSubscriber();
            if (wanted.Count == 0)
            {
                return null;
            }

            handle = await room.Node.Gateway.AttachAsync(VideoRoomRequests.Plugin, cancellationToken);
            try
            {
                reply = await handle.MessageAsync(VideoRoomRequests.JoinSubscriber(room.Record, wanted), null, cancellationToken);
            }
            catch (JanusException)
            {
                await TryAsync(() => handle.DetachAsync(CancellationToken.None));
                throw;
            }

            participant.Subscriber = handle;
            participant.SubscriberOwner = owner;
            await _handles.AddAsync(handle.Id, new MediaHandleOwner(room.SessionId, participant.Id, MediaLeg.Subscriber), cancellationToken);
        }
        else
        {
            var current = participant.Subscriptions;
            var add = wanted.Where(stream => !current.Any(sub => sub.Feed == stream.Feed && sub.FeedMid == stream.Mid)).ToList();
            var gone = current.Where(sub => !wanted.Any(stream => stream.Feed == sub.Feed && stream.Mid == sub.FeedMid)).Select(sub => sub.SubMid).ToList();
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

    /// <summary>
    /// The streams of the room's active publishers other than the participant (audio only when <paramref name="includeVideo"/>
    /// is false), read from Janus through a short-lived listening participant: the truth on every server node.
    /// </summary>
    private async Task<IReadOnlyCollection<FeedStream>> ActiveStreamsAsync(MediaRoomState room, long self, bool includeVideo, CancellationToken cancellationToken)
    {
        var handle = await room.Node.Gateway.AttachAsync(VideoRoomRequests.Plugin, cancellationToken);
        try
        {
            var joined = await handle.MessageAsync(VideoRoomRequests.JoinObserver(room.Record), null, cancellationToken);
            return [.. (joined.Data["publishers"]?.AsArray() ?? [])
                .OfType<JsonObject>()
                .Where(publisher => publisher["id"]?.GetValue<long>() is { } id && id != self)
                .SelectMany(publisher => (publisher["streams"]?.AsArray() ?? [])
                    .OfType<JsonObject>()
                    .Where(stream => stream["disabled"]?.GetValue<bool>() != true)
                    .Select(stream => (Type: stream["type"]?.GetValue<string>(), Mid: stream["mid"]?.GetValue<string>()))
                    .Where(stream => stream.Mid is not null && (stream.Type == "audio" || (includeVideo && stream.Type == "video")))
                    .Select(stream => new FeedStream(publisher["id"]!.GetValue<long>(), stream.Mid!)))
                .OrderBy(stream => stream.Feed)];
        }
        finally
        {
            await TryAsync(() => handle.DetachAsync(CancellationToken.None));
        }
    }

    /// <summary>What the subscriber receives, from the <c>streams</c> of an <c>attached</c> or <c>updated</c> reply (inactive m-lines skipped).</summary>
    private static List<SubscribedStream> Subscriptions(JsonArray streams) =>
        [.. streams.OfType<JsonObject>()
            .Where(stream => stream["active"]?.GetValue<bool>() != false)
            .Where(stream => stream["feed_id"]?.GetValue<long>() is not null && stream["mid"]?.GetValue<string>() is not null && stream["feed_mid"]?.GetValue<string>() is not null)
            .Select(stream => new SubscribedStream(stream["feed_id"]!.GetValue<long>(), stream["feed_mid"]!.GetValue<string>(), stream["mid"]!.GetValue<string>()))];

    private async Task DetachSubscriberAsync(ParticipantMedia participant)
    {
        if (participant.Subscriber is { } handle)
        {
            await _handles.RetireAsync(handle.Id);
            await TryAsync(() => handle.DetachAsync(CancellationToken.None));
        }

        participant.ResetSubscriber();
    }
}
