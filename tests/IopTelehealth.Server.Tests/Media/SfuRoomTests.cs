using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Media;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;
using IopTelehealth.Testing.WebRtc;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>
/// The SFU path through the hub with a real Janus: publish and subscribe with peers that complete ICE and DTLS
/// (<see cref="TestPeer"/>), moderation enforced at Janus, removal and the end of the session at Janus, and bad input
/// refused before Janus sees it.
/// </summary>
public sealed class SfuRoomTests(SfuServer sfu) : IClassFixture<SfuServer>, IAsyncDisposable
{
    private static readonly TimeSpan Connect = TimeSpan.FromSeconds(20);
    private readonly List<TestPeer> _peers = [];

    private IopServer Server => sfu.Server;

    [Fact]
    public async Task Participants_publish_and_subscribe_through_the_hub_and_are_told_when_feeds_change()
    {
        var sessionId = await Server.NewSessionAsync();
        await using var therapist = await Server.TherapistInAsync(sessionId);
        await using var patient = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        Assert.Equal(WireMediaModes.Sfu, therapist.View.Media!.Mode);
        var feedsChanged = 0;
        therapist.FeedsChanged += () => Interlocked.Increment(ref feedsChanged);

        await PublishLiveAsync(patient);

        await Eventually.TrueAsync(() => Volatile.Read(ref feedsChanged) > 0, "the therapist is told the feeds changed", Connect);
        var viewer = Peer();
        var offer = await therapist.Subscribe();
        Assert.NotNull(offer);
        Assert.Equal("offer", offer.Type);
        Assert.Contains("m=audio", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains("m=video", offer.Sdp, StringComparison.Ordinal);
        // Browsers tell whose stream it is from the msid (docs/room-protocol.md): the publisher's id read as hex, in decimal.
        Assert.Contains($"a=msid:{JanusView.Feed(patient.View.SelfId!)} 0", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains($"a=msid:{JanusView.Feed(patient.View.SelfId!)} 1", offer.Sdp, StringComparison.Ordinal);
        var answer = viewer.AnswerTo(new SessionDescription(offer.Type, offer.Sdp));
        await therapist.AnswerSubscription(new SdpDto(answer.Type, answer.Sdp));
        await viewer.ConnectAsync(new SessionDescription(offer.Type, offer.Sdp), weOffered: false, Connect);

        Assert.Null(await therapist.Subscribe());
        // The publisher does not receive itself.
        Assert.Null(await patient.Subscribe());
        await using var janus = await JanusView.OpenAsync(Server, sessionId);
        Assert.Contains(JanusView.Feed(patient.View.SelfId!), await janus.ParticipantIdsAsync());
    }

    [Fact]
    public async Task An_audio_only_participant_subscribes_to_no_video_and_its_own_video_is_stopped_at_janus()
    {
        var sessionId = await Server.NewSessionAsync();
        await using var therapist = await Server.TherapistInAsync(sessionId);
        await using var patient = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
        await PublishLiveAsync(therapist);
        var restarted = 0;
        patient.FeedsChanged += () => Interlocked.Increment(ref restarted);

        await patient.SetAudioOnly(true);

        await Eventually.TrueAsync(() => Volatile.Read(ref restarted) > 0, "the audio-only participant is told to subscribe again");
        var offer = await patient.Subscribe();
        Assert.NotNull(offer);
        Assert.Contains("m=audio", offer.Sdp, StringComparison.Ordinal);
        Assert.DoesNotContain("m=video", offer.Sdp, StringComparison.Ordinal);
        var answer = TestSdp.AnswerTo(new SessionDescription(offer.Type, offer.Sdp));
        await patient.AnswerSubscription(new SdpDto(answer.Type, answer.Sdp));

        // Whatever the browser sends, its video does not leave Janus while audio-only.
        await using var janus = await JanusView.OpenAsync(Server, sessionId);
        await patient.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await Eventually.TrueAsync(() => janus.Moderation(patient.View.SelfId!).Contains(("1", "muted")), "Janus stops the audio-only participant's video");
        Assert.DoesNotContain(("0", "muted"), janus.Moderation(patient.View.SelfId!));

        await patient.SetAudioOnly(false);
        await Eventually.TrueAsync(() => janus.Moderation(patient.View.SelfId!) is [.., ("1", "unmuted")], "leaving audio-only lets video through");
    }

    [Fact]
    public async Task Hard_mute_and_stop_video_are_enforced_at_janus_lifted_again_and_reapplied_after_a_republish()
    {
        var sessionId = await Server.NewSessionAsync();
        await using var therapist = await Server.TherapistInAsync(sessionId);
        await using var patient = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));
        await patient.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await using var janus = await JanusView.OpenAsync(Server, sessionId);
        var id = patient.View.SelfId!;

        await therapist.Mute(id);
        await Eventually.TrueAsync(() => janus.Moderation(id).Contains(("0", "muted")), "Janus mutes the patient's audio");
        Assert.DoesNotContain(("1", "muted"), janus.Moderation(id));

        // A new publish (a renegotiation, or a browser trying to get around the mute) is muted again at once.
        var before = janus.Moderation(id).Count(m => m == ("0", "muted"));
        await patient.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await Eventually.TrueAsync(() => janus.Moderation(id).Count(m => m == ("0", "muted")) > before, "the mute is applied again after the republish");

        await therapist.AskToUnmute(id);
        await Eventually.TrueAsync(() => janus.Moderation(id).LastOrDefault(m => m.Mid == "0") == ("0", "unmuted"), "asking to unmute lets audio through at Janus");

        await therapist.StopVideo(id);
        await Eventually.TrueAsync(() => janus.Moderation(id).LastOrDefault(m => m.Mid == "1") == ("1", "muted"), "Janus stops the patient's video");
        await patient.SetMedia(audio: true, video: true);
        await Eventually.TrueAsync(() => janus.Moderation(id).LastOrDefault(m => m.Mid == "1") == ("1", "unmuted"), "turning the camera on again lets video through");
    }

    [Fact]
    public async Task Removing_a_participant_kicks_them_at_janus_and_ending_the_session_destroys_the_room()
    {
        var sessionId = await Server.NewSessionAsync();
        await using var therapist = await Server.TherapistInAsync(sessionId);
        await using var patient = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(4));
        await using var other = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(5));
        await patient.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await other.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await using var janus = await JanusView.OpenAsync(Server, sessionId);
        Assert.Contains(JanusView.Feed(patient.View.SelfId!), await janus.ParticipantIdsAsync());
        var otherToldFeedsChanged = 0;
        other.FeedsChanged += () => Interlocked.Increment(ref otherToldFeedsChanged);

        await therapist.Remove(patient.View.SelfId!, banForSession: false);

        await Eventually.TrueAsync(() => patient.View.Removed, "the patient is told");
        Assert.DoesNotContain(JanusView.Feed(patient.View.SelfId!), await janus.ParticipantIdsAsync());
        Assert.Contains(JanusView.Feed(other.View.SelfId!), await janus.ParticipantIdsAsync());
        await Eventually.TrueAsync(() => Volatile.Read(ref otherToldFeedsChanged) > 0, "the others are told the feeds changed");

        await other.LeaveSession();
        await Eventually.TrueAsync(async () => !(await janus.ParticipantIdsAsync()).Contains(JanusView.Feed(other.View.SelfId!)), "leaving takes the participant off Janus");

        await therapist.EndSession();
        Assert.False(await janus.RoomExistsAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_code_and_janus_is_untouched()
    {
        var sessionId = await Server.NewSessionAsync();
        await using var therapist = await Server.TherapistInAsync(sessionId);
        await using var patient = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(6));
        await using var waiting = await Server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(7));
        await therapist.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await using var janus = await JanusView.OpenAsync(Server, sessionId);
        var participants = await janus.ParticipantIdsAsync();

        var oversized = await Refused(() => patient.Publish(new SdpDto("offer", TestSdp.Offer().Sdp + "a=x:" + new string('a', SessionDescription.MaxBytes) + "\r\n")));
        var notSdp = await Refused(() => patient.Publish(new SdpDto("offer", "hello janus")));
        var answerAsOffer = await Refused(() => patient.Publish(new SdpDto("answer", TestSdp.Offer().Sdp)));
        var lobby = await Refused(() => waiting.Publish(MeshSignals.Sdp(TestSdp.Offer())));
        var lobbySubscribe = await Refused(waiting.Subscribe);
        var noOffer = await Refused(() => patient.AnswerSubscription(MeshSignals.Sdp(TestSdp.AnswerTo(TestSdp.Offer()))));
        var metadata = await Refused(() => therapist.Trickle(WireMediaLegs.Publisher, new IceCandidateDto("candidate:1 1 udp 2122260223 169.254.169.254 80 typ host", "0", 0)));
        var badLeg = await Refused(() => therapist.Trickle("sideways", new IceCandidateDto("", null, null)));
        var mesh = await Refused(() => patient.SendSignal(therapist.View.SelfId!, MeshSignals.Offer()));

        Assert.Equal(
            ["invalid-sdp", "invalid-sdp", "invalid-sdp", "not-admitted", "not-admitted", "no-pending-offer", "invalid-candidate", "invalid-argument", "wrong-media-mode"],
            [oversized, notSdp, answerAsOffer, lobby, lobbySubscribe, noOffer, metadata, badLeg, mesh]);
        Assert.Equal(participants, await janus.ParticipantIdsAsync());
        Assert.DoesNotContain(JanusView.Feed(patient.View.SelfId!), participants);
        Assert.DoesNotContain(JanusView.Feed(waiting.View.SelfId!), participants);

        // A loopback candidate is allowed here (test configuration) and reaches the therapist's publisher handle.
        await therapist.Trickle(WireMediaLegs.Publisher, new IceCandidateDto("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0", 0));
    }

    [Fact]
    public async Task A_new_page_of_the_same_participant_publishes_and_receives_every_feed_on_new_handles()
    {
        var sessionId = await Server.NewSessionAsync();
        await using var therapist = await Server.TherapistInAsync(sessionId);
        await using var oldPage = await Server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(8));
        await PublishLiveAsync(therapist);
        await PublishLiveAsync(oldPage);
        var first = (await oldPage.Subscribe())!;
        var oldViewer = Peer();
        await oldPage.AnswerSubscription(MeshSignals.Sdp(oldViewer.AnswerTo(new SessionDescription(first.Type, first.Sdp))));
        await oldViewer.ConnectAsync(new SessionDescription(first.Type, first.Sdp), weOffered: false, Connect);
        var feedsChanged = 0;
        therapist.FeedsChanged += () => Interlocked.Increment(ref feedsChanged);

        // A reload: a new connection of the same account takes the participant over, with brand-new peer connections.
        await using var newPage = await Server.ConnectAsAsync(DemoAccounts.Patient(8));
        var reply = await newPage.JoinSession(sessionId, RoomParticipants.AtHome);
        Assert.True(reply.Resumed);
        var publisher = Peer();
        var viewer = Peer();
        var publishing = newPage.Publish(MeshSignals.Sdp(publisher.Offer()));
        var offer = await newPage.Subscribe();
        var answer = await publishing;

        // Not "nothing changed": the new page's subscription carries the therapist's audio and video.
        Assert.NotNull(offer);
        Assert.Contains($"a=msid:{JanusView.Feed(therapist.View.SelfId!)} 0", offer.Sdp, StringComparison.Ordinal);
        Assert.Contains($"a=msid:{JanusView.Feed(therapist.View.SelfId!)} 1", offer.Sdp, StringComparison.Ordinal);
        await newPage.AnswerSubscription(MeshSignals.Sdp(viewer.AnswerTo(new SessionDescription(offer.Type, offer.Sdp))));
        await viewer.ConnectAsync(new SessionDescription(offer.Type, offer.Sdp), weOffered: false, Connect);
        await publisher.ConnectAsync(new SessionDescription(answer.Type, answer.Sdp), weOffered: true, Connect);
        await Eventually.TrueAsync(() => Volatile.Read(ref feedsChanged) > 0, "the therapist is told to pick up the new publication", Connect);
        await using var janus = await JanusView.OpenAsync(Server, sessionId);
        Assert.Single(await janus.ParticipantIdsAsync(), id => id == JanusView.Feed(reply.ParticipantId));

        // The new page's own renegotiations (a screen share) stay on its handles: an answer, and nothing new to receive.
        var again = await newPage.Publish(MeshSignals.Sdp(publisher.Offer()));
        Assert.Equal("answer", again.Type);
        Assert.Null(await newPage.Subscribe());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
    }

    private static async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<RoomCallException>(call)).Code;

    private TestPeer Peer()
    {
        var peer = new TestPeer();
        _peers.Add(peer);
        return peer;
    }

    /// <summary>Publishes from a peer that completes ICE and DTLS with Janus, so the publisher becomes active.</summary>
    private async Task PublishLiveAsync(RoomClient client)
    {
        var peer = Peer();
        var offer = peer.Offer();
        var answer = await client.Publish(MeshSignals.Sdp(offer));
        Assert.Equal("answer", answer.Type);
        await peer.ConnectAsync(new SessionDescription(answer.Type, answer.Sdp), weOffered: true, Connect);
    }
}
