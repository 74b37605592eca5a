using IopTelehealth.Domain.Rooms;
using static IopTelehealth.Domain.Tests.Rooms.RoomFixture;

namespace IopTelehealth.Domain.Tests.Rooms;

public sealed class RoomModerationTests
{
    [Fact]
    public void Admit_one_then_all_empties_the_lobby_in_arrival_order()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var first = state.JoinPatient();
        state.JoinPatient();
        state.JoinPatient();

        new Room(state).Admit(therapist.Id, first.Id, Now);
        var room = new Room(state);
        var admitted = room.AdmitAll(therapist.Id, Now);

        Assert.Equal(2, admitted);
        Assert.Empty(state.Lobby);
        Assert.Equal(2, room.Events.OfType<ParticipantAdmitted>().Count());
    }

    [Fact]
    public void Deny_removes_the_waiting_patient_and_tells_their_connection()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.JoinPatient(connectionId: "c1");
        var room = new Room(state);

        room.Deny(therapist.Id, patient.Id);

        Assert.Null(state.Find(patient.Id));
        Assert.Contains(room.Events, e => e is ParticipantDenied { ConnectionId: "c1" });
    }

    [Fact]
    public void A_hard_muted_patient_cannot_unmute_until_asked()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        new Room(state).SetMedia(patient.Id, audio: true, video: true);

        new Room(state).Mute(therapist.Id, patient.Id);
        var refused = Refused(() => new Room(state).SetMedia(patient.Id, audio: true, video: true));
        new Room(state).AskToUnmute(therapist.Id, patient.Id);
        new Room(state).SetMedia(patient.Id, audio: true, video: true);

        Assert.Equal(RoomErrors.HardMuted, refused.Code);
        Assert.True(state.Find(patient.Id)!.AudioOn);
        Assert.False(state.Find(patient.Id)!.HardMuted);
    }

    [Fact]
    public void Mute_all_mutes_everyone_but_the_moderators()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var a = state.AdmittedPatient(therapist);
        var b = state.AdmittedPatient(therapist);

        var muted = new Room(state).MuteAll(therapist.Id);

        Assert.Equal(2, muted);
        Assert.True(state.Find(a.Id)!.HardMuted && state.Find(b.Id)!.HardMuted);
        Assert.False(state.Find(therapist.Id)!.HardMuted);
    }

    [Fact]
    public void Patients_cannot_moderate()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        var other = state.AdmittedPatient(therapist);
        var waiting = state.JoinPatient();
        var before = state.Version;

        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).Mute(patient.Id, other.Id)).Code);
        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).Admit(patient.Id, waiting.Id, Now)).Code);
        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).SetLocked(patient.Id, true)).Code);
        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).End(patient.Id, Now)).Code);
        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).LowerHand(patient.Id, other.Id)).Code);
        Assert.Equal(before, state.Version);
    }

    [Fact]
    public void A_lobby_patient_can_neither_chat_nor_raise_a_hand()
    {
        var state = OpenRoom();
        var waiting = state.JoinPatient();

        Assert.Equal(RoomErrors.NotAdmitted, Refused(() => new Room(state).RaiseHand(waiting.Id)).Code);
        Assert.Equal(RoomErrors.NotAdmitted, Refused(() => ChatPolicy.Compose(state, waiting.Id, "hi", null, Now)).Code);
    }

    [Fact]
    public void Hands_queue_in_the_order_they_were_raised()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var a = state.AdmittedPatient(therapist);
        var b = state.AdmittedPatient(therapist);
        var c = state.AdmittedPatient(therapist);

        new Room(state).RaiseHand(b.Id);
        new Room(state).RaiseHand(a.Id);
        new Room(state).RaiseHand(c.Id);
        new Room(state).LowerHand(therapist.Id, a.Id);

        Assert.Equal([b.Id, c.Id], state.HandQueue.Select(p => p.Id));
    }

    [Fact]
    public void Remove_with_ban_keeps_the_account_out_of_this_session()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var userId = Guid.NewGuid();
        var patient = state.AdmittedPatient(therapist, userId);
        var room = new Room(state);

        room.Remove(therapist.Id, patient.Id, banForSession: true, Now);

        Assert.Contains(room.Events, e => e is ParticipantRemoved { Banned: true });
        Assert.Contains(room.Events, e => e is ParticipantLeft { Reason: LeaveReason.Removed });
        Assert.Equal(RoomErrors.Banned, Refused(() => state.JoinPatient(userId)).Code);
    }

    [Fact]
    public void A_therapist_cannot_be_removed()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var other = state.JoinTherapist();

        Assert.Equal(RoomErrors.Forbidden, Refused(() => new Room(state).Remove(therapist.Id, other.Id, false, Now)).Code);
    }

    [Fact]
    public void Ending_the_session_closes_everyone_present_with_session_ended()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        state.AdmittedPatient(therapist);
        state.AdmittedPatient(therapist);
        var room = new Room(state);

        room.End(therapist.Id, Now.AddHours(3));

        Assert.Equal(RoomPhase.Ended, state.Phase);
        Assert.Equal(3, room.Events.OfType<ParticipantLeft>().Count(l => l.Reason == LeaveReason.SessionEnded && l.At == Now.AddHours(3)));
        Assert.Contains(room.Events, e => e is RoomEnded);
    }

    [Fact]
    public void Spotlight_follows_a_present_participant_and_clears_when_they_leave()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);

        new Room(state).SetSpotlight(therapist.Id, patient.Id);
        Assert.Equal(patient.Id, state.Spotlight);
        new Room(state).Leave(patient.Id, Now);

        Assert.Null(state.Spotlight);
    }

    [Fact]
    public void Clone_is_deep_so_a_refused_transition_on_a_copy_leaves_the_original_alone()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var patient = state.AdmittedPatient(therapist);
        var copy = state.Clone();

        new Room(copy).Mute(therapist.Id, patient.Id);

        Assert.True(copy.Find(patient.Id)!.HardMuted);
        Assert.False(state.Find(patient.Id)!.HardMuted);
    }
}
