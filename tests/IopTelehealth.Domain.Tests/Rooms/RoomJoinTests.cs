using IopTelehealth.Domain.Rooms;
using static IopTelehealth.Domain.Tests.Rooms.RoomFixture;

namespace IopTelehealth.Domain.Tests.Rooms;

public sealed class RoomJoinTests
{
    [Fact]
    public void A_patient_waits_in_the_lobby_and_a_therapist_enters_and_makes_the_room_live()
    {
        var state = OpenRoom();
        var room = new Room(state);

        var patient = room.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.Patient, "River", Conn(), "n", Home), Now, Room.DefaultGraceWindow).Participant;
        var therapist = room.Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.Therapist, "Dr. Reed", Conn(), "n", null), Now, Room.DefaultGraceWindow).Participant;

        Assert.Equal(Admission.Lobby, patient.Admission);
        Assert.Equal(Admission.Admitted, therapist.Admission);
        Assert.Equal(RoomPhase.Live, state.Phase);
        Assert.Contains(room.Events, e => e is LobbyChanged);
        Assert.Contains(room.Events, e => e is ParticipantJoined j && j.ParticipantId == therapist.Id);
        Assert.DoesNotContain(room.Events, e => e is ParticipantJoined j && j.ParticipantId == patient.Id);
    }

    [Fact]
    public void Patients_cannot_join_a_room_that_is_not_open_and_nobody_joins_an_ended_one()
    {
        var state = Room.Create(new SessionId(Guid.NewGuid()), Guid.NewGuid(), Guid.NewGuid(), 12, Now, Now.AddHours(3));

        Assert.Equal(RoomErrors.RoomNotOpen, Refused(() => state.JoinPatient()).Code);
        new Room(state).End(null, Now);
        Assert.Equal(RoomErrors.RoomEnded, Refused(() => state.JoinTherapist()).Code);
        Assert.Empty(state.Participants);
    }

    [Theory]
    [InlineData("", "IL", true, RoomErrors.AttestationRequired)]
    [InlineData("Home", "", true, RoomErrors.AttestationRequired)]
    [InlineData("Home", "IL", false, RoomErrors.AttestationRequired)]
    public void A_patient_must_attest_location_state_and_a_private_space(string location, string usState, bool privateSpace, string code)
    {
        var state = OpenRoom();
        var request = new JoinRequest(Guid.NewGuid(), ParticipantRole.Patient, "River", Conn(), "n", new Attestation(location, usState, privateSpace, null));

        Assert.Equal(code, Refused(() => new Room(state).Join(request, Now, Room.DefaultGraceWindow)).Code);
        Assert.Empty(state.Participants);
    }

    [Fact]
    public void Over_long_attestation_is_an_invalid_argument()
    {
        var request = new JoinRequest(Guid.NewGuid(), ParticipantRole.Patient, "River", Conn(), "n", new Attestation(new string('x', 201), "IL", true, null));

        Assert.Equal(RoomErrors.InvalidArgument, Refused(() => new Room(OpenRoom()).Join(request, Now, Room.DefaultGraceWindow)).Code);
    }

    [Fact]
    public void The_group_size_caps_patients_but_leaves_seats_for_staff()
    {
        var state = OpenRoom(capacity: 2);
        state.JoinPatient();
        state.JoinPatient();

        Assert.Equal(RoomErrors.RoomFull, Refused(() => state.JoinPatient()).Code);
        Assert.Equal(Admission.Admitted, state.JoinTherapist().Admission);
    }

    [Fact]
    public void A_dropped_participant_resumes_within_the_grace_window_as_the_same_admitted_participant()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var userId = Guid.NewGuid();
        var patient = state.AdmittedPatient(therapist, userId);
        var dropped = new Room(state);
        dropped.Disconnect(patient.ConnectionId!, LeaveReason.Dropped, Now.AddSeconds(10));

        var room = new Room(state);
        var again = room.Join(new JoinRequest(userId, ParticipantRole.Patient, "River", Conn(), "node-b", Home), Now.AddSeconds(50), Room.DefaultGraceWindow);

        Assert.Contains(dropped.Events, e => e is ParticipantLeft { Reason: LeaveReason.Dropped } l && l.At == Now.AddSeconds(10));
        Assert.True(again.Resumed);
        Assert.Equal(patient.Id, again.Participant.Id);
        Assert.Equal(Admission.Admitted, again.Participant.Admission);
        Assert.Equal("node-b", again.Participant.NodeId);
        Assert.Contains(room.Events, e => e is ParticipantJoined { Resumed: true });
    }

    [Fact]
    public void After_the_grace_window_the_participant_goes_back_through_the_lobby()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        var userId = Guid.NewGuid();
        var patient = state.AdmittedPatient(therapist, userId);
        new Room(state).Disconnect(patient.ConnectionId!, LeaveReason.Dropped, Now);

        var again = state.JoinPatient(userId, at: Now.AddSeconds(61));

        Assert.NotEqual(patient.Id, again.Id);
        Assert.Equal(Admission.Lobby, again.Admission);
        Assert.Single(state.Participants, p => p.UserId == userId);
    }

    [Fact]
    public void A_second_connection_of_the_same_user_replaces_the_first()
    {
        var state = OpenRoom();
        var userId = Guid.NewGuid();
        var first = state.JoinPatient(userId, connectionId: "first");
        var room = new Room(state);

        var second = room.Join(new JoinRequest(userId, ParticipantRole.Patient, "River", "second", "n", Home), Now, Room.DefaultGraceWindow);

        Assert.Equal(first.Id, second.Participant.Id);
        Assert.Equal("second", second.Participant.ConnectionId);
        Assert.Contains(room.Events, e => e is ConnectionReplaced { OldConnectionId: "first", CheckedInAtClinic: false });
        Assert.False(new Room(state).Disconnect("first", LeaveReason.Dropped, Now));
    }

    [Fact]
    public void A_locked_room_keeps_new_observers_in_the_lobby_but_therapists_enter()
    {
        var state = OpenRoom();
        var therapist = state.JoinTherapist();
        new Room(state).SetLocked(therapist.Id, locked: true);

        var observer = new Room(state).Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.Observer, "Sam", Conn(), "n", null), Now, Room.DefaultGraceWindow).Participant;
        var cofacilitator = new Room(state).Join(new JoinRequest(Guid.NewGuid(), ParticipantRole.CoFacilitator, "Kim", Conn(), "n", null), Now, Room.DefaultGraceWindow).Participant;

        Assert.Equal(Admission.Lobby, observer.Admission);
        Assert.Equal(Admission.Admitted, cofacilitator.Admission);
    }

    [Fact]
    public void A_clean_leave_frees_the_seat_at_once()
    {
        var state = OpenRoom(capacity: 1);
        var patient = state.JoinPatient();
        var room = new Room(state);

        room.Leave(patient.Id, Now);

        Assert.Empty(state.Participants);
        Assert.Equal(Admission.Lobby, state.JoinPatient().Admission);
    }
}
