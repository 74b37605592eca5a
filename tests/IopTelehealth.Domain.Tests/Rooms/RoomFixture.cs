using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>Builds rooms and joins people with intent-named helpers.</summary>
internal static class RoomFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 9, 23, 55, 0, TimeSpan.Zero);
    public static readonly Attestation Home = new("Home, Evanston", "IL", PrivateSpace: true, AcceptedConsentVersion: "2026-01");

    public static RoomState OpenRoom(int capacity = 12)
    {
        var state = Room.Create(new SessionId(Guid.NewGuid()), Guid.NewGuid(), Guid.NewGuid(), capacity, Now.AddMinutes(5), Now.AddHours(3));
        new Room(state).OpenBySchedule();
        return state;
    }

    public static RoomParticipant JoinTherapist(this RoomState state, Guid? userId = null) =>
        new Room(state).Join(new JoinRequest(userId ?? Guid.NewGuid(), ParticipantRole.Therapist, "Dr. Reed", Conn(), "node-a", null), Now, Room.DefaultGraceWindow).Participant;

    public static RoomParticipant JoinPatient(this RoomState state, Guid? userId = null, string? connectionId = null, DateTimeOffset? at = null) =>
        new Room(state).Join(new JoinRequest(userId ?? Guid.NewGuid(), ParticipantRole.Patient, "River", connectionId ?? Conn(), "node-a", Home), at ?? Now, Room.DefaultGraceWindow).Participant;

    public static RoomParticipant AdmittedPatient(this RoomState state, RoomParticipant therapist, Guid? userId = null)
    {
        var patient = state.JoinPatient(userId);
        new Room(state).Admit(therapist.Id, patient.Id, Now);
        return patient;
    }

    public static string Conn() => Guid.NewGuid().ToString("N");

    public static RoomException Refused(Action action) => Assert.Throws<RoomException>(action);
}
