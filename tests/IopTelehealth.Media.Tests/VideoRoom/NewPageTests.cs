using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.VideoRoom;
using IopTelehealth.Testing.WebRtc;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>
/// The same participant on a new page (reload, new tab): its first publish and subscribe start new handles, whose peer
/// connections come up, and the old handles are gone at Janus; the same page keeps renegotiating its handles.
/// </summary>
public sealed class NewPageTests(VideoRoomFixture fixture) : IClassFixture<VideoRoomFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Connect = TimeSpan.FromSeconds(20);
    private readonly List<TestPeer> _peers = [];
    private readonly SessionId _session = new(Guid.NewGuid());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_page_gets_new_handles_that_receive_every_feed_and_connect_and_the_old_ones_are_gone()
    {
        var placement = await fixture.Plane.EnsureRoomAsync(_session, 4, Ct);
        var other = await LivePublisherAsync();
        var patient = await LivePublisherAsync();
        var oldSubscriber = Peer();
        var first = (await fixture.Plane.SubscribeAsync(_session, patient, MediaOwners.Page, includeVideo: true, Ct))!;
        await fixture.Plane.AnswerSubscriptionAsync(_session, patient, oldSubscriber.AnswerTo(first), Ct);
        await oldSubscriber.ConnectAsync(first, weOffered: false, Connect);
        await fixture.Plane.SetMutedAsync(_session, patient, MediaKind.Audio, muted: true, Ct);
        var old = fixture.Plane.HandlesOf(_session, patient);
        var (observer, events) = await fixture.ObserverAsync(placement);
        var ups = UpsOf(patient);

        // The new page publishes and subscribes at once, and subscribes twice: exactly one call replaces each handle.
        var publisher = Peer();
        var subscriber = Peer();
        var publishing = fixture.Plane.PublishAsync(_session, patient, MediaOwners.NewPage, publisher.Offer(), Ct);
        Task<SessionDescription?>[] subscribing =
        [
            fixture.Plane.SubscribeAsync(_session, patient, MediaOwners.NewPage, includeVideo: true, Ct),
            fixture.Plane.SubscribeAsync(_session, patient, MediaOwners.NewPage, includeVideo: true, Ct),
        ];
        var answered = await Task.WhenAny(subscribing);
        var offer = await answered;
        Assert.NotNull(offer);
        // Every other feed (audio and video of the other publisher), not "nothing changed".
        Assert.Equal(2, offer.Sdp.Split("\r\nm=").Length - 1);
        Assert.Contains($"a=msid:{FeedIds.For(other)} ", offer.Sdp, StringComparison.Ordinal);
        await fixture.Plane.AnswerSubscriptionAsync(_session, patient, subscriber.AnswerTo(offer), Ct);
        Assert.Null(await subscribing.Single(call => call != answered).WaitAsync(TimeSpan.FromSeconds(10), Ct));
        var answer = await publishing;

        await publisher.ConnectAsync(answer, weOffered: true, Connect);
        await subscriber.ConnectAsync(offer, weOffered: false, Connect);

        var now = fixture.Plane.HandlesOf(_session, patient);
        Assert.NotEqual(old.Publisher, now.Publisher);
        Assert.NotEqual(old.Subscriber, now.Subscriber);
        Assert.False(await fixture.JanusHasHandleAsync(old.JanusSession, old.Publisher!.Value, placement));
        Assert.False(await fixture.JanusHasHandleAsync(old.JanusSession, old.Subscriber!.Value, placement));
        Assert.True(await fixture.JanusHasHandleAsync(now.JanusSession, now.Publisher!.Value, placement));
        Assert.True(await fixture.JanusHasHandleAsync(now.JanusSession, now.Subscriber!.Value, placement));
        // Its Up tells the others to subscribe. Janus, the DTLS client of a publisher, finishes the handshake after our side
        // does, and only then lists the feed as publishing: so the Up first, then the room.
        await Polling.UntilAsync(() => Task.FromResult(UpsOf(patient) > ups), TimeSpan.FromSeconds(10), () => "no Up for the new publisher");
        // The feed id is in the room once, publishing from the new page.
        var participants = await fixture.ParticipantsAsync(placement);
        var listed = Assert.Single(participants, p => p!["id"]!.GetValue<long>() == FeedIds.For(patient));
        Assert.True(listed!["publisher"]!.GetValue<bool>());
        // The moderator's mute holds on the new publication.
        await Polling.UntilAsync(() => Task.FromResult(events.Any(e => e["moderation"]?.GetValue<string>() == "muted" && e["id"]?.GetValue<long>() == FeedIds.For(patient))),
            TimeSpan.FromSeconds(5), () => "the mute was not applied again");
        await observer.DetachAsync(Ct);
    }

    [Fact]
    public async Task The_same_page_renegotiates_its_handles_even_after_a_signaling_blip()
    {
        var placement = await fixture.Plane.EnsureRoomAsync(_session, 4, Ct);
        await LivePublisherAsync();
        var patient = ParticipantId.New();
        var peer = Peer();
        var answer = await fixture.Plane.PublishAsync(_session, patient, MediaOwners.Page, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, Connect);
        var offer = (await fixture.Plane.SubscribeAsync(_session, patient, MediaOwners.Page, includeVideo: true, Ct))!;
        await fixture.Plane.AnswerSubscriptionAsync(_session, patient, TestSdp.AnswerTo(offer), Ct);
        var before = fixture.Plane.HandlesOf(_session, patient);

        // Again from the same page (as for a screen share): configure on the same publisher handle.
        var again = await fixture.Plane.PublishAsync(_session, patient, MediaOwners.Page, peer.Offer(), Ct);
        Assert.Equal("answer", again.Type);
        Assert.Equal(before, fixture.Plane.HandlesOf(_session, patient));
        Assert.Null(await fixture.Plane.SubscribeAsync(_session, patient, MediaOwners.Page, includeVideo: true, Ct));

        // A signaling blip: a new connection, the same peer connection (same DTLS fingerprint). Still a renegotiation.
        await fixture.Plane.PublishAsync(_session, patient, MediaOwners.NewPage, peer.Offer(), Ct);

        Assert.Equal(before, fixture.Plane.HandlesOf(_session, patient));
        Assert.True(await fixture.JanusHasHandleAsync(before.JanusSession, before.Publisher!.Value, placement));
    }

    [Fact]
    public async Task A_new_page_on_another_server_node_replaces_the_stale_feed_and_publishes()
    {
        var placement = await fixture.Plane.EnsureRoomAsync(_session, 4, Ct);
        var patient = await LivePublisherAsync();
        var old = fixture.Plane.HandlesOf(_session, patient);
        await using var otherNode = fixture.AnotherServerNode();

        // The old page's publisher still holds the feed id at Janus, so the other node's join is refused (436) at first;
        // it kicks the stale participant and joins again with the same request.
        var publisher = Peer();
        var answer = await otherNode.Plane.PublishAsync(_session, patient, MediaOwners.NewPage, publisher.Offer(), Ct);
        Assert.Equal("answer", answer.Type);
        await publisher.ConnectAsync(answer, weOffered: true, Connect);

        var now = otherNode.Plane.HandlesOf(_session, patient);
        Assert.True(await fixture.JanusHasHandleAsync(now.JanusSession, now.Publisher!.Value, placement));
        Assert.NotEqual((old.JanusSession, old.Publisher), (now.JanusSession, now.Publisher));
        // The other node has no listener to hear the Up: the room's list says when the feed publishes, and it is in there once.
        var participants = await fixture.ListedAsPublishingAsync(placement, FeedIds.For(patient));
        Assert.Single(participants, p => p!["id"]!.GetValue<long>() == FeedIds.For(patient));
    }

    [Fact]
    public async Task A_stale_feed_that_leaves_before_the_kick_does_not_stop_the_new_page_from_publishing()
    {
        var placement = await fixture.Plane.EnsureRoomAsync(_session, 4, Ct);
        var patient = await LivePublisherAsync();
        var kicks = 0;
        // The other node's join is refused (436: the old page's feed is still there), and before its kick reaches Janus the
        // old page's feed leaves for real, as a detached handle does a moment after the detach: the kick finds nobody (428).
        await using var otherNode = fixture.AnotherServerNode(async request =>
        {
            if (request["request"]?.GetValue<string>() == "kick" && Interlocked.Increment(ref kicks) == 1)
            {
                await fixture.Plane.RemoveParticipantAsync(_session, patient, Ct);
                await Polling.UntilAsync(
                    async () => !(await fixture.ParticipantsAsync(placement)).Any(p => p!["id"]!.GetValue<long>() == FeedIds.For(patient)),
                    TimeSpan.FromSeconds(10),
                    () => "the old page's feed did not leave");
            }
        });

        var publisher = Peer();
        var answer = await otherNode.Plane.PublishAsync(_session, patient, MediaOwners.NewPage, publisher.Offer(), Ct);

        Assert.Equal("answer", answer.Type);
        Assert.Equal(1, kicks);
        await publisher.ConnectAsync(answer, weOffered: true, Connect);
        await fixture.ListedAsPublishingAsync(placement, FeedIds.For(patient));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
    }

    private int UpsOf(ParticipantId participant) =>
        fixture.Listener.Events.Count(e => e.SessionId == _session && e.ParticipantId == participant && e.Kind == MediaEventKind.Up && e.Leg == MediaLeg.Publisher);

    private TestPeer Peer()
    {
        var peer = new TestPeer();
        _peers.Add(peer);
        return peer;
    }

    /// <summary>A new participant whose publisher PeerConnection is up, so Janus lists it as an active publisher.</summary>
    private async Task<ParticipantId> LivePublisherAsync()
    {
        var participant = ParticipantId.New();
        var peer = Peer();
        var answer = await fixture.Plane.PublishAsync(_session, participant, MediaOwners.Page, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, Connect);
        await Polling.UntilAsync(() => Task.FromResult(UpsOf(participant) > 0), TimeSpan.FromSeconds(10), () => "the publisher did not come up");
        return participant;
    }
}
