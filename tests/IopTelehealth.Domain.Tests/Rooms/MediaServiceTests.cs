using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Testing;
using static IopTelehealth.Domain.Tests.Rooms.RoomServiceHarness;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>The media use cases and the SFU following the room, with fakes of the media ports.</summary>
public sealed class MediaServiceTests
{
    private static readonly SessionDescription Offer = TestSdp.Offer();

    [Fact]
    public async Task Publishing_checks_the_caller_and_the_sdp_then_applies_the_rooms_blocks_and_tells_the_others()
    {
        var plane = new RecordingMediaPlane();
        var harness = new RoomServiceHarness(plane);
        var therapist = await harness.JoinAsync(harness.Therapist());
        var patient = await harness.AdmittedAsync(therapist, "River");
        var waiting = await harness.JoinAsync(harness.Patient("Sky"));
        await harness.Service.MuteAsync(therapist, patient.ParticipantId, Ct);
        plane.Calls.Clear();

        Assert.Equal(RoomErrors.NotAdmitted, (await Assert.ThrowsAsync<RoomException>(() => harness.Media.PublishAsync(waiting, Offer, Ct))).Code);
        Assert.Equal(RoomErrors.InvalidSdp, (await Assert.ThrowsAsync<RoomException>(() => harness.Media.PublishAsync(patient, new SessionDescription("offer", "junk"), Ct))).Code);
        Assert.Equal(RoomErrors.InvalidSdp, (await Assert.ThrowsAsync<RoomException>(() => harness.Media.PublishAsync(patient, null, Ct))).Code);
        Assert.Empty(plane.Calls);

        var answer = await harness.Media.PublishAsync(patient, Offer, Ct);

        Assert.Equal("answer", answer.Type);
        var id = patient.ParticipantId;
        Assert.Equal([$"ensure {12 + Room.StaffSeats}", $"publish {id} by {patient.ConnectionId}", $"mute {id} Audio", $"unmute {id} Video"], plane.Calls);
        var state = await harness.RoomAsync();
        Assert.Equal([state.Find(therapist.ParticipantId)!.ConnectionId!], harness.MediaNotifier.FeedsChanged);
    }

    [Fact]
    public async Task An_audio_only_participant_subscribes_without_video_and_is_told_to_subscribe_again()
    {
        var plane = new RecordingMediaPlane();
        var harness = new RoomServiceHarness(plane);
        var therapist = await harness.JoinAsync(harness.Therapist());
        var patient = await harness.AdmittedAsync(therapist, "River");

        await harness.Media.SetAudioOnlyAsync(patient, audioOnly: true, Ct);
        await harness.Media.SubscribeAsync(patient, Ct);

        Assert.Contains($"mute {patient.ParticipantId} Video", plane.Calls);
        Assert.Contains($"subscribe {patient.ParticipantId} by {patient.ConnectionId} video=False", plane.Calls);
        Assert.Equal([patient.ConnectionId], harness.MediaNotifier.FeedsChanged);
        var mode = Assert.Single(harness.Sink.Events.OfType<ParticipantModeChanged>());
        Assert.Equal((AttendanceMode.AudioOnly, harness.Clock.GetUtcNow()), (mode.Mode, mode.At));
    }

    [Fact]
    public async Task Moderation_departures_and_the_end_reach_the_sfu_but_a_drop_keeps_the_media_for_the_grace_window()
    {
        var plane = new RecordingMediaPlane();
        var harness = new RoomServiceHarness(plane);
        var therapist = await harness.JoinAsync(harness.Therapist());
        var removed = await harness.AdmittedAsync(therapist, "River");
        var leaving = await harness.AdmittedAsync(therapist, "Sky");
        var dropping = await harness.AdmittedAsync(therapist, "Lake");
        plane.Calls.Clear();

        await harness.Service.StopVideoAsync(therapist, leaving.ParticipantId, Ct);
        await harness.Service.RemoveAsync(therapist, removed.ParticipantId, banForSession: false, Ct);
        await harness.Service.LeaveAsync(leaving, Ct);
        await harness.Service.DisconnectedAsync(dropping, Ct);

        Assert.Equal([$"mute {leaving.ParticipantId} Video", $"remove {removed.ParticipantId}", $"remove {leaving.ParticipantId}"], plane.Calls);
        Assert.Contains(therapist.ConnectionId, harness.MediaNotifier.FeedsChanged);
        Assert.DoesNotContain(removed.ConnectionId, harness.MediaNotifier.FeedsChanged);

        harness.Clock.Advance(harness.Settings.GraceWindow + TimeSpan.FromSeconds(1));
        await harness.Sweeper.SweepAsync("node-a", Ct);
        Assert.Equal($"remove {dropping.ParticipantId}", plane.Calls.Last());

        await harness.Service.EndAsync(therapist, Ct);
        Assert.Equal("close", plane.Calls.Last());
    }

    [Fact]
    public async Task An_unreachable_sfu_neither_undoes_a_mute_nor_keeps_it_from_the_other_listeners()
    {
        var plane = new RecordingMediaPlane { Failing = true };
        var harness = new RoomServiceHarness(plane);
        var therapist = await harness.JoinAsync(harness.Therapist());
        var patient = await harness.AdmittedAsync(therapist, "River");

        await harness.Service.MuteAsync(therapist, patient.ParticipantId, Ct);

        Assert.True((await harness.RoomAsync()).Find(patient.ParticipantId)!.HardMuted);
        Assert.Contains(harness.Sink.Events, e => e is ParticipantMuted);
        Assert.Contains(harness.Notifier.Events, e => e is ParticipantMuted);
    }

    [Fact]
    public async Task Mesh_signals_reach_only_the_addressed_admitted_participant_and_sfu_calls_are_the_wrong_mode()
    {
        var harness = new RoomServiceHarness();
        var therapist = await harness.JoinAsync(harness.Therapist());
        var patient = await harness.AdmittedAsync(therapist, "River");
        var offer = new MeshSignal(MeshSignalKind.Offer, Offer, null);

        await harness.Media.SendSignalAsync(therapist, patient.ParticipantId, offer, Ct);
        await harness.Media.SendSignalAsync(patient, therapist.ParticipantId, new MeshSignal(MeshSignalKind.Answer, TestSdp.AnswerTo(Offer), null), Ct);

        Assert.Equal([(patient.ConnectionId, therapist.ParticipantId, MeshSignalKind.Offer), (therapist.ConnectionId, patient.ParticipantId, MeshSignalKind.Answer)],
            harness.MediaNotifier.Signals.Select(s => (s.Connection, s.From, s.Signal.Kind)));
        Assert.Equal(MediaMode.Mesh, harness.Media.Mode);
        Assert.Equal(RoomErrors.WrongMediaMode, (await Assert.ThrowsAsync<RoomException>(() => harness.Media.PublishAsync(patient, Offer, Ct))).Code);
        Assert.Equal(RoomErrors.WrongMediaMode, (await Assert.ThrowsAsync<RoomException>(() => harness.Media.SubscribeAsync(patient, Ct))).Code);
    }

    [Fact]
    public async Task Sfu_rooms_refuse_mesh_signals()
    {
        var harness = new RoomServiceHarness(new RecordingMediaPlane());
        var therapist = await harness.JoinAsync(harness.Therapist());
        var patient = await harness.AdmittedAsync(therapist, "River");

        var refused = await Assert.ThrowsAsync<RoomException>(() =>
            harness.Media.SendSignalAsync(therapist, patient.ParticipantId, new MeshSignal(MeshSignalKind.Offer, Offer, null), Ct));

        Assert.Equal(RoomErrors.WrongMediaMode, refused.Code);
        Assert.Empty(harness.MediaNotifier.Signals);
    }

    [Fact]
    public async Task The_mesh_limit_refuses_the_admission_past_it_and_stores_nothing()
    {
        var harness = new RoomServiceHarness(policy: new MediaPolicy(MediaMode.Mesh, MeshSizeLimit: 2));
        var therapist = await harness.JoinAsync(harness.Therapist());
        await harness.AdmittedAsync(therapist, "River");
        var waiting = await harness.JoinAsync(harness.Patient("Sky"));
        var version = (await harness.RoomAsync()).Version;

        var refused = await Assert.ThrowsAsync<RoomException>(() => harness.Service.AdmitAsync(therapist, waiting.ParticipantId, Ct));

        Assert.Equal(RoomErrors.RoomNeedsSfu, refused.Code);
        Assert.Equal(version, (await harness.RoomAsync()).Version);
        Assert.Equal(Admission.Lobby, (await harness.RoomAsync()).Find(waiting.ParticipantId)!.Admission);
    }

    [Fact]
    public async Task Media_events_become_feeds_changed_for_the_others_and_a_restart_for_the_lost_participant()
    {
        var harness = new RoomServiceHarness(new RecordingMediaPlane());
        var therapist = await harness.JoinAsync(harness.Therapist());
        var patient = await harness.AdmittedAsync(therapist, "River");
        var router = new MediaEventRouter(harness.Rooms, harness.MediaNotifier);
        var at = harness.Clock.GetUtcNow();

        await router.OnMediaEventAsync(new MediaEvent(harness.SessionId, patient.ParticipantId, MediaEventKind.Up, MediaLeg.Subscriber, at), Ct);
        await router.OnMediaEventAsync(new MediaEvent(harness.SessionId, patient.ParticipantId, MediaEventKind.Flowing, MediaLeg.Publisher, at), Ct);
        Assert.Empty(harness.MediaNotifier.FeedsChanged);

        await router.OnMediaEventAsync(new MediaEvent(harness.SessionId, patient.ParticipantId, MediaEventKind.Up, MediaLeg.Publisher, at), Ct);
        Assert.Equal([therapist.ConnectionId], harness.MediaNotifier.FeedsChanged);

        await router.OnMediaEventAsync(new MediaEvent(harness.SessionId, patient.ParticipantId, MediaEventKind.Lost, MediaLeg.Publisher, at), Ct);
        await router.OnMediaEventAsync(new MediaEvent(harness.SessionId, patient.ParticipantId, MediaEventKind.Lost, MediaLeg.Subscriber, at), Ct);
        Assert.Equal([patient.ConnectionId], harness.MediaNotifier.Restarts);

        await router.OnMediaEventAsync(new MediaEvent(new SessionId(Guid.NewGuid()), patient.ParticipantId, MediaEventKind.Lost, MediaLeg.Publisher, at), Ct);
        Assert.Single(harness.MediaNotifier.Restarts);
    }
}
