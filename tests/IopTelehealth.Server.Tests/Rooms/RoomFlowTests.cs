using IopTelehealth.Client;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>The core room story over real WebSockets with real tokens: lobby → admitted → chat → hand → mute → remove.</summary>
public sealed class RoomFlowTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Lobby_admit_chat_hand_mute_and_remove()
    {
        var sessionId = await server.OpenSessionIdAsync();
        await using var therapist = await server.ConnectAsAsync(DemoAccounts.Therapist);
        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(1));
        await using var other = await server.ConnectAsAsync(DemoAccounts.Patient(2), messagePack: true);

        var therapistJoin = await therapist.JoinSession(sessionId, null);
        var patientJoin = await patient.JoinSession(sessionId, RoomParticipants.AtHome);
        await other.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.Equal("admitted", therapistJoin.Admission);
        Assert.Equal("lobby", patientJoin.Admission);
        await Eventually.TrueAsync(() => therapist.View.Lobby.Count == 2, "the therapist sees both patients waiting");
        Assert.Contains(therapist.View.Lobby, l => l.DisplayName == "Sunrise" && l.AttestedState == "IL");

        await therapist.Admit(patientJoin.ParticipantId);
        await therapist.AdmitAll();
        await Eventually.TrueAsync(() => patient.View.Admission == "admitted" && other.View.Admission == "admitted", "both patients are admitted");
        await Eventually.TrueAsync(() => patient.View.Participants.Count == 3, "the patient sees everyone in the room");
        // Peers see aliases, never legal names.
        Assert.DoesNotContain(patient.View.Participants, p => p.DisplayName.Contains("Alvarez", StringComparison.Ordinal));

        await patient.SendChat("Hello group", null);
        await Eventually.TrueAsync(() => other.View.Chat.Any(c => c.Text == "Hello group"), "the other patient gets the group chat");
        await patient.SendChat("I am struggling today", therapist.View.SelfId);
        await Eventually.TrueAsync(() => therapist.View.Chat.Any(c => c.Text == "I am struggling today" && c.Private), "the therapist gets the private line");

        await other.RaiseHand();
        await patient.RaiseHand();
        await Eventually.TrueAsync(() => therapist.View.HandQueue.Count == 2, "two hands are up");
        Assert.Equal([other.View.SelfId!, patient.View.SelfId!], therapist.View.HandQueue);

        await therapist.Mute(patientJoin.ParticipantId);
        await Eventually.TrueAsync(() => patient.View.HardMuted, "the patient learns of the hard mute");
        var unmute = await Assert.ThrowsAsync<RoomCallException>(() => patient.SetMedia(audio: true, video: true));
        Assert.Equal("hard-muted", unmute.Code);

        await therapist.Remove(patientJoin.ParticipantId, banForSession: true);
        await Eventually.TrueAsync(() => patient.View.Removed && patient.View.Banned, "the patient learns of the removal");
        await Eventually.TrueAsync(() => other.View.Find(patientJoin.ParticipantId) is null, "the others see the patient gone");
        var rejoin = await Assert.ThrowsAsync<RoomCallException>(() => patient.JoinSession(sessionId, RoomParticipants.AtHome));
        Assert.Equal("banned", rejoin.Code);
        Assert.DoesNotContain(other.View.Chat, c => c.Private);
    }
}
