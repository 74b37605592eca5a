using IopTelehealth.Client;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>A room's life: opening by itself before the start or by the therapist, refusing patients before that, ending for everyone.</summary>
public sealed class RoomLifecycleTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task The_lobby_opens_by_itself_fifteen_minutes_before_the_start()
    {
        var sessionId = await server.NewSessionAsync(startsIn: TimeSpan.FromMinutes(10));
        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(1));

        var prepared = await patient.PrepareJoin(sessionId);
        var reply = await patient.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.Equal("open", prepared.Phase);
        Assert.Equal("lobby", reply.Admission);
        Assert.Equal("open", reply.Room.Phase);
        Assert.Equal(RoomPhase.Open, (await server.StoredRoomAsync(sessionId))!.Phase);
    }

    [Fact]
    public async Task A_patient_is_refused_before_the_lobby_opens_until_the_therapist_opens_it()
    {
        var sessionId = await server.NewSessionAsync(startsIn: TimeSpan.FromHours(2));
        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(2));
        await using var therapist = await server.ConnectAsAsync(DemoAccounts.Therapist);

        var prepared = await patient.PrepareJoin(sessionId);
        var early = await Assert.ThrowsAsync<RoomCallException>(() => patient.JoinSession(sessionId, RoomParticipants.AtHome));
        var stored = await server.StoredRoomAsync(sessionId);
        Assert.Equal("scheduled", prepared.Phase);
        Assert.Equal("room-not-open", early.Code);
        Assert.True(stored is null || stored.Participants.Count == 0, "a refused join leaves nobody in the room");

        await therapist.OpenSession(sessionId);
        var reply = await patient.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.Equal(RoomPhase.Open, (await server.StoredRoomAsync(sessionId))!.Phase);
        Assert.Equal("lobby", reply.Admission);
        Assert.Equal("open", reply.Room.Phase);
    }

    [Fact]
    public async Task The_therapist_entering_makes_the_room_live_for_those_waiting()
    {
        var sessionId = await server.NewSessionAsync();
        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(3));
        await patient.JoinSession(sessionId, RoomParticipants.AtHome);

        await using var therapist = await server.TherapistInAsync(sessionId);

        await Eventually.TrueAsync(() => patient.View.Room?.Phase == "live", "the waiting patient learns the room is live");
        Assert.Equal(RoomPhase.Live, (await server.StoredRoomAsync(sessionId))!.Phase);
    }

    [Fact]
    public async Task Ending_the_session_tells_everyone_and_refuses_every_later_join()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var admitted = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(4));
        await using var waiting = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(5));
        var admittedId = admitted.View.SelfId!;

        await therapist.EndSession();

        await Eventually.TrueAsync(() => admitted.View.Ended && waiting.View.Ended && therapist.View.Ended, "everyone, the lobby too, gets SessionEnded");
        Assert.Contains(admitted.View.Departures, d => d.ParticipantId == admittedId && d.Reason == "session-ended");
        var stored = (await server.StoredRoomAsync(sessionId))!;
        Assert.Equal(RoomPhase.Ended, stored.Phase);
        Assert.Empty(stored.Participants);

        var patientAgain = await Assert.ThrowsAsync<RoomCallException>(() => admitted.JoinSession(sessionId, RoomParticipants.AtHome));
        var therapistAgain = await Assert.ThrowsAsync<RoomCallException>(() => therapist.JoinSession(sessionId, null));
        var reopen = await Assert.ThrowsAsync<RoomCallException>(() => therapist.OpenSession(sessionId));
        Assert.Equal("room-ended", patientAgain.Code);
        Assert.Equal("room-ended", therapistAgain.Code);
        Assert.Equal("room-ended", reopen.Code);
        Assert.Empty((await server.StoredRoomAsync(sessionId))!.Participants);
    }
}
