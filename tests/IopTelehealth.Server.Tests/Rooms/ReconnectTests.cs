using IopTelehealth.Client;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>Dropped connections: resuming within the grace window, one connection per account, and the lobby after the window.</summary>
public sealed class ReconnectTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task A_patient_who_drops_and_comes_back_within_the_grace_window_resumes_without_the_lobby()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        var participantId = patient.View.SelfId!;

        await patient.DropAsync();

        await Eventually.TrueAsync(() => therapist.View.Departures.Any(d => d.ParticipantId == participantId && d.Reason == "dropped"), "the therapist sees the drop");
        Assert.NotNull((await server.StoredRoomAsync(sessionId))!.Find(new(participantId))!.DisconnectedAt);

        await patient.StartAsync(TestContext.Current.CancellationToken);
        var reply = await patient.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.True(reply.Resumed);
        Assert.Equal("admitted", reply.Admission);
        Assert.Equal(participantId, reply.ParticipantId);
        await Eventually.TrueAsync(() => therapist.View.Find(participantId) is { Connected: true }, "the therapist sees the same participant back");
        await Eventually.TrueAsync(() => patient.View.Participants.Count == 2, "the resumed patient gets the room again");
        Assert.Empty(therapist.View.Lobby);
    }

    [Fact]
    public async Task A_second_connection_of_the_same_account_replaces_the_first()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var first = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
        var participantId = first.View.SelfId!;
        await using var second = await server.ConnectAsAsync(DemoAccounts.Patient(2), messagePack: true);

        var reply = await second.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.True(reply.Resumed);
        Assert.Equal(participantId, reply.ParticipantId);
        Assert.Equal("admitted", reply.Admission);
        await Eventually.TrueAsync(() => first.View.Replaced && first.View.Admission == "left", "the first connection learns it was replaced");
        Assert.False(first.View.CheckedInAtClinic);
        await Eventually.TrueAsync(() => second.View.Participants.Count == 2, "the second connection gets the room");
        var userId = await server.UserIdAsync(DemoAccounts.Patient(2));
        Assert.Single((await server.StoredRoomAsync(sessionId))!.Participants, p => p.UserId == userId);
        Assert.DoesNotContain(therapist.View.Departures, d => d.ParticipantId == participantId);

        // The replaced connection no longer speaks for the participant.
        var version = await server.RoomVersionAsync(sessionId);
        var stale = await Assert.ThrowsAsync<RoomCallException>(first.RaiseHand);
        Assert.Equal("not-joined", stale.Code);
        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Empty(therapist.View.HandQueue);
    }

    [Fact]
    public async Task After_the_grace_window_a_dropped_patient_is_forgotten_and_waits_in_the_lobby_again()
    {
        await using var shortGrace = new IopServer(new Dictionary<string, string?> { ["Rooms:GraceWindow"] = "00:00:02", ["Rooms:SweepInterval"] = "00:00:00.500" });
        var sessionId = await shortGrace.NewSessionAsync();
        await using var therapist = await shortGrace.TherapistInAsync(sessionId);
        await using var patient = await shortGrace.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));
        var participantId = patient.View.SelfId!;

        await patient.DropAsync();

        await Eventually.TrueAsync(() => therapist.View.Departures.Any(d => d.ParticipantId == participantId), "the therapist sees the drop");
        await EventuallyForgottenAsync(shortGrace, sessionId, participantId);

        await patient.StartAsync(TestContext.Current.CancellationToken);
        var reply = await patient.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.False(reply.Resumed);
        Assert.Equal("lobby", reply.Admission);
        Assert.NotEqual(participantId, reply.ParticipantId);
        await Eventually.TrueAsync(() => therapist.View.Lobby.Any(l => l.Id == reply.ParticipantId), "the therapist sees the patient waiting again");
    }

    /// <summary>The sweeper drops the participant once the grace window is over (polling the store: it is the sweeper's doing).</summary>
    private static async Task EventuallyForgottenAsync(IopServer server, Guid sessionId, string participantId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await server.StoredRoomAsync(sessionId))!.Find(new(participantId)) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the sweeper did not forget the participant within 15 s of a 2 s grace window");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
