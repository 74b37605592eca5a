using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>Builds rooms and joins people through a store, with intent-named helpers.</summary>
internal static class TestRooms
{
    public static readonly Attestation Home = new("Home, Evanston", "IL", PrivateSpace: true, AcceptedConsentVersion: "2026-01");

    /// <summary>
    /// Times relative to the real clock: the Redis store turns the scheduled end into a real key expiry, and a room
    /// scheduled in the past would expire the moment it is written.
    /// </summary>
    public static Func<RoomState> OpenRoom(SessionId sessionId, int capacity = 40) => () =>
    {
        var now = DateTimeOffset.UtcNow;
        var state = Room.Create(sessionId, Guid.NewGuid(), Guid.NewGuid(), capacity, now.AddMinutes(5), now.AddHours(3));
        new Room(state).OpenBySchedule();
        return state;
    };

    public static SessionId NewSession() => new(Guid.NewGuid());

    public static JoinRequest Therapist(string node = "node-a") =>
        new(Guid.NewGuid(), ParticipantRole.Therapist, "Dr. Reed", Conn(), node, null);

    public static JoinRequest CoFacilitator(string node = "node-a") =>
        new(Guid.NewGuid(), ParticipantRole.CoFacilitator, "Sam Ortiz", Conn(), node, null);

    public static JoinRequest Patient(string node = "node-a") =>
        new(Guid.NewGuid(), ParticipantRole.Patient, "River", Conn(), node, Home);

    public static Task<RoomChange<T>> Change<T>(this IRoomStore store, SessionId sessionId, Func<Room, T> change) =>
        store.ChangeAsync(sessionId, OpenRoom(sessionId), change, TestContext.Current.CancellationToken);

    public static async Task<RoomParticipant> JoinAsync(this IRoomStore store, SessionId sessionId, JoinRequest request) =>
        (await store.Change(sessionId, room => room.Join(request, DateTimeOffset.UtcNow, Room.DefaultGraceWindow))).Result.Participant;

    public static async Task<RoomParticipant> AdmittedPatientAsync(this IRoomStore store, SessionId sessionId, RoomParticipant therapist)
    {
        var patient = await store.JoinAsync(sessionId, Patient());
        await store.Change(sessionId, room =>
        {
            room.Admit(therapist.Id, patient.Id, DateTimeOffset.UtcNow);
            return true;
        });
        return patient;
    }

    public static string Conn() => Guid.NewGuid().ToString("N");
}
