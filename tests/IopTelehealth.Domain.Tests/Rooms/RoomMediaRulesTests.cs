using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using static IopTelehealth.Domain.Tests.Rooms.RoomFixture;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>The room's media rules: audio-only (an attendance mode), what the SFU must block, screen share, mesh offers and size.</summary>
public sealed class RoomMediaRulesTests
{
    [Fact]
    public void Audio_only_records_the_mode_change_blocks_video_and_ends_a_screen_share()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        var room = new Room(state);
        room.SetMedia(patient.Id, audio: true, video: true);
        new Room(state).AllowScreenShare(therapist.Id, patient.Id, allowed: true);
        new Room(state).SetScreenShare(patient.Id, sharing: true);

        var switching = new Room(state);
        switching.SetAudioOnly(patient.Id, audioOnly: true, Now);

        var mode = Assert.Single(switching.Events.OfType<ParticipantModeChanged>());
        Assert.Equal((patient.Id, patient.UserId, AttendanceMode.AudioOnly, Now), (mode.ParticipantId, mode.UserId, mode.Mode, mode.At));
        var blocked = Assert.Single(switching.Events.OfType<MediaBlocked>());
        Assert.Equal((state.SessionId, patient.Id, MediaKind.Video, true), (blocked.SessionId, blocked.ParticipantId, blocked.Kind, blocked.Blocked));
        Assert.Single(switching.Events.OfType<ParticipantUpdated>());
        Assert.Equal((true, false, false, true), (patient.AudioOnly, patient.VideoOn, patient.ScreenSharing, patient.AudioOn));
        Assert.Equal(RoomErrors.InvalidArgument, Refused(() => new Room(state).SetMedia(patient.Id, audio: true, video: true)).Code);
        Assert.Equal(RoomErrors.InvalidArgument, Refused(() => new Room(state).SetScreenShare(patient.Id, sharing: true)).Code);

        var again = new Room(state);
        again.SetAudioOnly(patient.Id, audioOnly: true, Now.AddMinutes(1));
        Assert.Empty(again.Events);

        var back = new Room(state);
        back.SetAudioOnly(patient.Id, audioOnly: false, Now.AddMinutes(2));
        Assert.Equal(AttendanceMode.Video, Assert.Single(back.Events.OfType<ParticipantModeChanged>()).Mode);
        Assert.Equal(Now.AddMinutes(2), back.Events.OfType<ParticipantModeChanged>().Single().At);
        Assert.False(Assert.Single(back.Events.OfType<MediaBlocked>()).Blocked);
    }

    [Fact]
    public void Leaving_audio_only_keeps_video_blocked_while_a_moderator_stopped_it()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        new Room(state).StopVideo(therapist.Id, patient.Id);
        new Room(state).SetAudioOnly(patient.Id, audioOnly: true, Now);

        var back = new Room(state);
        back.SetAudioOnly(patient.Id, audioOnly: false, Now);

        Assert.True(Assert.Single(back.Events.OfType<MediaBlocked>()).Blocked);
    }

    [Fact]
    public void Moderation_tells_the_sfu_what_to_block_and_when_to_let_it_through()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);

        IReadOnlyList<(MediaKind, bool)> Blocks(Action<Room> act)
        {
            var room = new Room(state);
            act(room);
            return [.. room.Events.OfType<MediaBlocked>().Select(b => (b.Kind, b.Blocked))];
        }

        Assert.Equal([(MediaKind.Audio, true)], Blocks(r => r.Mute(therapist.Id, patient.Id)));
        Assert.Equal([(MediaKind.Audio, false)], Blocks(r => r.AskToUnmute(therapist.Id, patient.Id)));
        // Asking someone who is not hard-muted lifts nothing at the SFU.
        Assert.Empty(Blocks(r => r.AskToUnmute(therapist.Id, patient.Id)));
        Assert.Equal([(MediaKind.Video, true)], Blocks(r => r.StopVideo(therapist.Id, patient.Id)));
        Assert.Equal([(MediaKind.Video, false)], Blocks(r => r.SetMedia(patient.Id, audio: true, video: true)));
        Assert.Empty(Blocks(r => r.SetMedia(patient.Id, audio: true, video: true)));
    }

    [Fact]
    public void Grace_expiry_names_every_participant_it_forgets()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        new Room(state).Disconnect(patient.ConnectionId!, LeaveReason.Dropped, Now);

        var room = new Room(state);
        Assert.True(room.ExpireGrace(Now + Room.DefaultGraceWindow + TimeSpan.FromSeconds(1), Room.DefaultGraceWindow));

        Assert.Equal(patient.Id, Assert.Single(room.Events.OfType<ParticipantExpired>()).ParticipantId);
        Assert.Null(state.Find(patient.Id));
    }

    [Fact]
    public void Patients_share_the_screen_with_a_moderators_permission_and_stop_when_it_is_withdrawn()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        var other = state.AdmittedPatient(therapist);

        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).SetScreenShare(patient.Id, sharing: true)).Code);
        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).AllowScreenShare(other.Id, patient.Id, allowed: true)).Code);
        new Room(state).SetScreenShare(therapist.Id, sharing: true);
        Assert.True(therapist.ScreenSharing);

        new Room(state).AllowScreenShare(therapist.Id, patient.Id, allowed: true);
        new Room(state).SetScreenShare(patient.Id, sharing: true);
        Assert.True(patient.ScreenSharing);

        var withdrawal = new Room(state);
        withdrawal.AllowScreenShare(therapist.Id, patient.Id, allowed: false);
        Assert.Equal((false, false), (patient.ScreenShareAllowed, patient.ScreenSharing));
        Assert.Equal(patient.Id, Assert.Single(withdrawal.Events.OfType<ParticipantUpdated>()).ParticipantId);
    }

    [Fact]
    public void A_mesh_answer_needs_an_unanswered_offer_from_the_one_it_goes_to()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        var waiting = state.JoinPatient();

        Assert.Equal(RoomErrors.NoPendingOffer, Refused(() => new Room(state).RecordAnswer(patient.Id, therapist.Id)).Code);
        Assert.Equal(patient.Id, new Room(state).RecordOffer(therapist.Id, patient.Id).Id);
        Assert.Equal(RoomErrors.NoPendingOffer, Refused(() => new Room(state).RecordAnswer(therapist.Id, patient.Id)).Code);
        Assert.Equal(therapist.Id, new Room(state).RecordAnswer(patient.Id, therapist.Id).Id);
        Assert.Equal(RoomErrors.NoPendingOffer, Refused(() => new Room(state).RecordAnswer(patient.Id, therapist.Id)).Code);

        Assert.Equal(RoomErrors.NotAdmitted, Refused(() => new Room(state).RecordOffer(waiting.Id, therapist.Id)).Code);
        Assert.Equal(RoomErrors.ParticipantNotFound, Refused(() => new Room(state).RecordOffer(therapist.Id, waiting.Id)).Code);
        Assert.Equal(RoomErrors.ParticipantNotFound, Refused(() => new Room(state).RecordOffer(therapist.Id, ParticipantId.New())).Code);
        Assert.Equal(RoomErrors.InvalidArgument, Refused(() => new Room(state).RecordOffer(therapist.Id, therapist.Id)).Code);
    }

    [Fact]
    public void An_offer_from_someone_whose_connection_dropped_can_no_longer_be_answered()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        new Room(state).RecordOffer(therapist.Id, patient.Id);
        var therapistUser = therapist.UserId;

        new Room(state).Disconnect(therapist.ConnectionId!, LeaveReason.Dropped, Now);
        new Room(state).Join(new JoinRequest(therapistUser, ParticipantRole.Therapist, "Dr. Reed", Conn(), "node-b", null), Now, Room.DefaultGraceWindow);

        // The therapist's browser starts a new connection after the resume: an answer to the old offer would corrupt it.
        Assert.Equal(RoomErrors.NoPendingOffer, Refused(() => new Room(state).RecordAnswer(patient.Id, therapist.Id)).Code);
    }

    [Fact]
    public void The_mesh_limit_counts_present_participants_only()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        state.AdmittedPatient(therapist);
        state.JoinPatient();
        new Room(state).EnsureMeshSize(2);

        var third = state.AdmittedPatient(therapist);
        Assert.Equal(RoomErrors.RoomNeedsSfu, Refused(() => new Room(state).EnsureMeshSize(2)).Code);

        new Room(state).Disconnect(third.ConnectionId!, LeaveReason.Dropped, Now);
        new Room(state).EnsureMeshSize(2);
    }
}
