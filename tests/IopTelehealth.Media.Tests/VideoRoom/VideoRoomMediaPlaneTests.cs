using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>The VideoRoom media plane against a real Janus: rooms, publishing, moderation, removal, closing.</summary>
public sealed class VideoRoomMediaPlaneTests(VideoRoomFixture fixture) : IClassFixture<VideoRoomFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_gets_one_private_pin_protected_room_sized_to_the_group()
    {
        var session = new SessionId(Guid.NewGuid());

        var first = await fixture.Plane.EnsureRoomAsync(session, capacity: 8, Ct);
        var second = await fixture.Plane.EnsureRoomAsync(session, capacity: 8, Ct);
        var listed = await fixture.ListedRoomAsync(first);

        Assert.Equal(first, second);
        Assert.Equal("test-janus", first.Node);
        Assert.NotNull(listed);
        Assert.True(listed["is_private"]!.GetValue<bool>());
        Assert.True(listed["pin_required"]!.GetValue<bool>());
        Assert.Equal(8, listed["max_publishers"]!.GetValue<int>());
        Assert.Contains("opus", listed["audiocodec"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("vp8,h264", listed["videocodec"]!.GetValue<string>());
        Assert.Equal(first.RoomNumber, (await fixture.Directory.GetAsync(session, Ct))!.RoomNumber);
    }

    [Fact]
    public async Task Publishing_an_offer_returns_janus_answer_and_joins_the_participant_under_its_own_id()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();

        var answer = await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);

        Assert.Equal("answer", answer.Type);
        Assert.StartsWith("v=0", answer.Sdp, StringComparison.Ordinal);
        Assert.Contains("m=audio", answer.Sdp, StringComparison.Ordinal);
        Assert.Contains("m=video", answer.Sdp, StringComparison.Ordinal);
        Assert.Contains("a=recvonly", answer.Sdp, StringComparison.Ordinal);
        var participant = Assert.Single(await fixture.ParticipantsAsync(placement));
        Assert.Equal(Convert.ToInt64(patient.Value, 16), participant!["id"]!.GetValue<long>());
        Assert.Equal(patient.Value, participant["display"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_again_renegotiates_the_same_publication()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(video: false), Ct);

        var answer = await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);

        Assert.Contains("m=video", answer.Sdp, StringComparison.Ordinal);
        Assert.Single(await fixture.ParticipantsAsync(placement));
    }

    [Fact]
    public async Task With_no_active_publisher_there_is_nothing_to_subscribe_to()
    {
        var session = new SessionId(Guid.NewGuid());
        await fixture.Plane.EnsureRoomAsync(session, 4, Ct);

        var offer = await fixture.Plane.SubscribeAsync(session, ParticipantId.New(), MediaOwners.Page, includeVideo: true, Ct);

        Assert.Null(offer);
    }

    [Fact]
    public async Task Hard_mute_is_enforced_by_janus_on_the_published_audio()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);
        var (observer, events) = await fixture.ObserverAsync(placement);

        await fixture.Plane.SetMutedAsync(session, patient, MediaKind.Audio, muted: true, Ct);
        await fixture.Plane.SetMutedAsync(session, patient, MediaKind.Video, muted: true, Ct);
        await fixture.Plane.SetMutedAsync(session, patient, MediaKind.Video, muted: false, Ct);

        await Polling.UntilAsync(() => Task.FromResult(events.Count(e => e["moderation"] is not null) >= 3), TimeSpan.FromSeconds(5), () => $"moderation events: {events.Count}");
        var moderation = events.Where(e => e["moderation"] is not null).Select(e => (Mid: e["mid"]!.GetValue<string>(), State: e["moderation"]!.GetValue<string>())).ToList();
        Assert.Equal([("0", "muted"), ("1", "muted"), ("1", "unmuted")], moderation);
        await observer.DetachAsync(Ct);
    }

    [Fact]
    public async Task A_mute_before_publishing_is_applied_when_the_participant_publishes()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        var (observer, events) = await fixture.ObserverAsync(placement);

        // Janus answers 428 (nothing published): remembered instead of failing the moderator.
        await fixture.Plane.SetMutedAsync(session, patient, MediaKind.Audio, muted: true, Ct);
        await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);

        await Polling.UntilAsync(() => Task.FromResult(events.Any(e => e["moderation"] is not null)), TimeSpan.FromSeconds(5), () => "no moderation event");
        var muted = Assert.Single(events, e => e["moderation"] is not null);
        Assert.Equal("muted", muted["moderation"]!.GetValue<string>());
        Assert.Equal("0", muted["mid"]!.GetValue<string>());
        Assert.Equal(Convert.ToInt64(patient.Value, 16), muted["id"]!.GetValue<long>());
        await observer.DetachAsync(Ct);
    }

    [Fact]
    public async Task Removing_a_participant_kicks_them_at_janus_and_closes_their_handles()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        var therapist = ParticipantId.New();
        await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);
        await fixture.Plane.PublishAsync(session, therapist, MediaOwners.Page, TestSdp.Offer(), Ct);

        await fixture.Plane.RemoveParticipantAsync(session, patient, Ct);

        var remaining = await fixture.ParticipantsAsync(placement);
        Assert.Equal([therapist.Value], remaining.Select(p => p!["display"]!.GetValue<string>()));
        var trickle = await Assert.ThrowsAsync<RoomException>(() =>
            fixture.Plane.TrickleAsync(session, patient, MediaLeg.Publisher, new IceCandidate("", "0", 0), Ct));
        Assert.Equal(RoomErrors.Conflict, trickle.Code);
        // Removing twice (or someone never joined) is not an error.
        await fixture.Plane.RemoveParticipantAsync(session, patient, Ct);
    }

    [Fact]
    public async Task Closing_the_room_destroys_it_at_janus_and_forgets_it()
    {
        var session = new SessionId(Guid.NewGuid());
        var placement = await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        await fixture.Plane.PublishAsync(session, ParticipantId.New(), MediaOwners.Page, TestSdp.Offer(), Ct);

        await fixture.Plane.CloseRoomAsync(session, Ct);

        Assert.Null(await fixture.ListedRoomAsync(placement));
        Assert.Null(await fixture.Directory.GetAsync(session, Ct));
        var publish = await Assert.ThrowsAsync<RoomException>(() => fixture.Plane.PublishAsync(session, ParticipantId.New(), MediaOwners.Page, TestSdp.Offer(), Ct));
        Assert.Equal(RoomErrors.RoomNotOpen, publish.Code);
        await fixture.Plane.CloseRoomAsync(session, Ct);
    }

    [Fact]
    public async Task A_trickled_candidate_reaches_the_publisher_handle()
    {
        var session = new SessionId(Guid.NewGuid());
        await fixture.Plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        await fixture.Plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);

        await fixture.Plane.TrickleAsync(session, patient, MediaLeg.Publisher, new IceCandidate("candidate:1 1 udp 2122260223 0a1b2c3d-aaaa.local 50000 typ host", "0", 0), Ct);
        await fixture.Plane.TrickleAsync(session, patient, MediaLeg.Publisher, new IceCandidate("candidate:2 1 udp 1686052607 198.51.100.7 50001 typ srflx raddr 0.0.0.0 rport 0", "0", 0), Ct);
        await fixture.Plane.TrickleAsync(session, patient, MediaLeg.Publisher, new IceCandidate("", null, null), Ct);
    }
}
