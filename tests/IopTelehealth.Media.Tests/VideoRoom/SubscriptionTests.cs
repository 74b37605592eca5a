using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Tests.Infrastructure;
using IopTelehealth.Media.Tests.Infrastructure.WebRtc;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>
/// Publishing and subscribing with PeerConnections that really come up: <see cref="TestPeer"/> completes ICE and
/// DTLS with Janus (no browser), so publishers become active and the multistream subscriber gets their streams.
/// </summary>
public sealed class SubscriptionTests(VideoRoomFixture fixture) : IClassFixture<VideoRoomFixture>
{
    private static readonly TimeSpan Connect = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_participant_subscribes_to_the_active_publishers_streams_and_answers()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var (patient, therapist) = (ParticipantId.New(), ParticipantId.New());
        await using var patientCamera = new TestPeer();
        await using var therapistScreen = new TestPeer();

        await PublishAsync(session, placement, patient, patientCamera);
        var offer = await fixture.Plane.SubscribeAsync(session, therapist, Ct);
        Assert.NotNull(offer);
        Assert.Equal("offer", offer.Type);
        Assert.Contains("m=audio", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains("m=video", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains("a=sendonly", offer.Sdp, StringComparison.Ordinal);
        var answer = therapistScreen.AnswerTo(offer);
        await fixture.Plane.AnswerSubscriptionAsync(session, therapist, answer, Ct);
        await therapistScreen.ConnectAsync(offer, weOffered: false, Connect);

        // Nothing changed since: no renegotiation.
        Assert.Null(await fixture.Plane.SubscribeAsync(session, therapist, Ct));
        // The publisher does not receive itself.
        Assert.Null(await fixture.Plane.SubscribeAsync(session, patient, Ct));
    }

    [Fact]
    public async Task A_new_publisher_is_added_to_the_existing_subscription_by_a_renegotiation()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var (first, second, viewer) = (ParticipantId.New(), ParticipantId.New(), ParticipantId.New());
        await using var firstPeer = new TestPeer();
        await using var secondPeer = new TestPeer();
        await using var viewerPeer = new TestPeer();
        await PublishAsync(session, placement, first, firstPeer);
        var initial = (await fixture.Plane.SubscribeAsync(session, viewer, Ct))!;
        await fixture.Plane.AnswerSubscriptionAsync(session, viewer, viewerPeer.AnswerTo(initial), Ct);
        await viewerPeer.ConnectAsync(initial, weOffered: false, Connect);

        await PublishAsync(session, placement, second, secondPeer);
        var update = await fixture.Plane.SubscribeAsync(session, viewer, Ct);

        Assert.NotNull(update);
        Assert.Equal(4, update.Sdp.Split("\r\nm=").Length - 1);
        await fixture.Plane.AnswerSubscriptionAsync(session, viewer, viewerPeer.AnswerTo(update), Ct);
    }

    [Fact]
    public async Task The_next_renegotiation_waits_for_the_answer_to_the_previous_offer()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var (first, second, viewer) = (ParticipantId.New(), ParticipantId.New(), ParticipantId.New());
        await using var firstPeer = new TestPeer();
        await using var secondPeer = new TestPeer();
        await PublishAsync(session, placement, first, firstPeer);
        var initial = (await fixture.Plane.SubscribeAsync(session, viewer, Ct))!;
        await PublishAsync(session, placement, second, secondPeer);

        var next = fixture.Plane.SubscribeAsync(session, viewer, Ct);
        await Task.Delay(500, Ct);
        Assert.False(next.IsCompleted);
        await fixture.Plane.AnswerSubscriptionAsync(session, viewer, TestSdp.AnswerTo(initial), Ct);
        var update = await next.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.NotNull(update);
        Assert.Equal(4, update.Sdp.Split("\r\nm=").Length - 1);
    }

    [Fact]
    public async Task A_publisher_that_leaves_is_removed_from_the_subscription()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var (first, second, viewer) = (ParticipantId.New(), ParticipantId.New(), ParticipantId.New());
        await using var firstPeer = new TestPeer();
        await using var secondPeer = new TestPeer();
        await PublishAsync(session, placement, first, firstPeer);
        await PublishAsync(session, placement, second, secondPeer);
        var initial = (await fixture.Plane.SubscribeAsync(session, viewer, Ct))!;
        await fixture.Plane.AnswerSubscriptionAsync(session, viewer, TestSdp.AnswerTo(initial), Ct);

        await fixture.Plane.RemoveParticipantAsync(session, second, Ct);
        var update = await fixture.Plane.SubscribeAsync(session, viewer, Ct);

        // The removed publisher's two m-lines stay in the SDP (m-lines are never removed), now inactive.
        Assert.NotNull(update);
        Assert.Equal(2, update.Sdp.Split("\r\n").Count(line => line == "a=inactive"));
        Assert.Equal(2, update.Sdp.Split("\r\n").Count(line => line == "a=sendonly"));
    }

    private async Task PublishAsync(SessionId session, MediaPlacement placement, ParticipantId participant, TestPeer peer)
    {
        var answer = await fixture.Plane.PublishAsync(session, participant, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, Connect);
        await Polling.UntilAsync(
            async () => (await fixture.ParticipantsAsync(placement)).Any(p => p!["display"]!.GetValue<string>() == participant.Value && p["publisher"]!.GetValue<bool>()),
            TimeSpan.FromSeconds(10),
            () => $"participant {participant} never became an active publisher");
    }
}
