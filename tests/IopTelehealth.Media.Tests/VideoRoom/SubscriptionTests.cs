using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Testing.WebRtc;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>
/// Publishing and subscribing with PeerConnections that really come up: <see cref="TestPeer"/> completes ICE and
/// DTLS with Janus (no browser), so publishers become active and the multistream subscriber gets their streams.
/// </summary>
public sealed class SubscriptionTests(VideoRoomFixture fixture) : IClassFixture<VideoRoomFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Connect = TimeSpan.FromSeconds(20);
    private readonly List<TestPeer> _peers = [];
    private readonly SessionId _session = new(Guid.NewGuid());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_participant_subscribes_to_the_active_publishers_streams_and_answers()
    {
        var patient = await LivePublisherAsync();
        var therapist = ParticipantId.New();
        var therapistPeer = Peer();

        var offer = await fixture.Plane.SubscribeAsync(_session, therapist, MediaOwners.Page, includeVideo: true, Ct);
        Assert.NotNull(offer);
        Assert.Equal("offer", offer.Type);
        Assert.Contains("m=audio", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains("m=video", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains("a=sendonly", offer.Sdp, StringComparison.Ordinal);
        await fixture.Plane.AnswerSubscriptionAsync(_session, therapist, therapistPeer.AnswerTo(offer), Ct);
        await therapistPeer.ConnectAsync(offer, weOffered: false, Connect);

        // Nothing changed since: no renegotiation.
        Assert.Null(await fixture.Plane.SubscribeAsync(_session, therapist, MediaOwners.Page, includeVideo: true, Ct));
        // The publisher does not receive itself.
        Assert.Null(await fixture.Plane.SubscribeAsync(_session, patient, MediaOwners.Page, includeVideo: true, Ct));
    }

    [Fact]
    public async Task A_new_publisher_is_added_to_the_existing_subscription_by_a_renegotiation()
    {
        await LivePublisherAsync();
        var viewer = ParticipantId.New();
        var viewerPeer = Peer();
        var initial = (await fixture.Plane.SubscribeAsync(_session, viewer, MediaOwners.Page, includeVideo: true, Ct))!;
        await fixture.Plane.AnswerSubscriptionAsync(_session, viewer, viewerPeer.AnswerTo(initial), Ct);
        await viewerPeer.ConnectAsync(initial, weOffered: false, Connect);

        await LivePublisherAsync();
        var update = await fixture.Plane.SubscribeAsync(_session, viewer, MediaOwners.Page, includeVideo: true, Ct);

        Assert.NotNull(update);
        Assert.Equal(4, MediaLines(update));
        await fixture.Plane.AnswerSubscriptionAsync(_session, viewer, viewerPeer.AnswerTo(update), Ct);
    }

    [Fact]
    public async Task The_next_renegotiation_waits_for_the_answer_to_the_previous_offer()
    {
        await LivePublisherAsync();
        var viewer = ParticipantId.New();
        var initial = (await fixture.Plane.SubscribeAsync(_session, viewer, MediaOwners.Page, includeVideo: true, Ct))!;
        await LivePublisherAsync();

        var next = fixture.Plane.SubscribeAsync(_session, viewer, MediaOwners.Page, includeVideo: true, Ct);
        await Task.Delay(500, Ct);
        Assert.False(next.IsCompleted);
        await fixture.Plane.AnswerSubscriptionAsync(_session, viewer, TestSdp.AnswerTo(initial), Ct);
        var update = await next.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.NotNull(update);
        Assert.Equal(4, MediaLines(update));
    }

    [Fact]
    public async Task A_publisher_that_leaves_is_removed_from_the_subscription()
    {
        await LivePublisherAsync();
        var leaving = await LivePublisherAsync();
        var viewer = ParticipantId.New();
        var initial = (await fixture.Plane.SubscribeAsync(_session, viewer, MediaOwners.Page, includeVideo: true, Ct))!;
        await fixture.Plane.AnswerSubscriptionAsync(_session, viewer, TestSdp.AnswerTo(initial), Ct);

        await fixture.Plane.RemoveParticipantAsync(_session, leaving, Ct);
        var update = await fixture.Plane.SubscribeAsync(_session, viewer, MediaOwners.Page, includeVideo: true, Ct);

        // The removed publisher's two m-lines stay in the SDP (m-lines are never removed), now inactive.
        Assert.NotNull(update);
        Assert.Equal(2, update.Sdp.Split("\r\n").Count(line => line == "a=inactive"));
        Assert.Equal(2, update.Sdp.Split("\r\n").Count(line => line == "a=sendonly"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
    }

    private static int MediaLines(SessionDescription sdp) => sdp.Sdp.Split("\r\nm=").Length - 1;

    private TestPeer Peer()
    {
        var peer = new TestPeer();
        _peers.Add(peer);
        return peer;
    }

    /// <summary>A new participant whose publisher PeerConnection is up, so Janus lists it as an active publisher.</summary>
    private async Task<ParticipantId> LivePublisherAsync()
    {
        var placement = await fixture.Plane.EnsureRoomAsync(_session, 4, Ct);
        var participant = ParticipantId.New();
        var peer = Peer();
        var answer = await fixture.Plane.PublishAsync(_session, participant, MediaOwners.Page, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, Connect);
        await Polling.UntilAsync(
            async () => (await fixture.ParticipantsAsync(placement)).Any(p => p!["display"]!.GetValue<string>() == participant.Value && p["publisher"]!.GetValue<bool>()),
            TimeSpan.FromSeconds(10),
            () => $"participant {participant} never became an active publisher");
        return participant;
    }
}
