using IopTelehealth.Client;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>RequestHelp: an urgent, private alert to the therapists with where the patient said they are and whom to call.</summary>
public sealed class HelpRequestTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Help_reaches_the_therapists_only_with_the_attested_location_and_the_emergency_contact()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var observer = await server.ConnectAsAsync(DemoAccounts.Staff);
        await observer.JoinSession(sessionId, null);
        await using var asking = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var other = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2), messagePack: true);

        await asking.RequestHelp("I do not feel safe right now");

        await Eventually.TrueAsync(() => therapist.View.HelpRequests.Count == 1, "the therapist gets the help request");
        var help = therapist.View.HelpRequests[0];
        Assert.Equal(asking.View.SelfId, help.ParticipantId);
        Assert.Equal("Sunrise", help.DisplayName);
        Assert.Equal("I do not feel safe right now", help.Message);
        Assert.Equal("Home, Evanston", help.Location);
        Assert.Equal("IL", help.State);
        Assert.Equal("Maria Alvarez", help.EmergencyContactName);
        Assert.Equal("+1-312-555-0110", help.EmergencyContactPhone);

        // A group line sent after the alert reaches everyone after it would have: whoever has the line and no alert never gets it.
        await asking.SendChat("fence", null);
        await Eventually.TrueAsync(() => other.View.Chat.Any(c => c.Text == "fence") && observer.View.Chat.Any(c => c.Text == "fence"), "the others get the later line");
        Assert.Empty(other.View.HelpRequests);
        Assert.Empty(observer.View.HelpRequests);
        Assert.Empty(asking.View.HelpRequests);
    }

    [Fact]
    public async Task A_patient_still_in_the_lobby_can_ask_for_help()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var waiting = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(3));

        await waiting.RequestHelp("");

        await Eventually.TrueAsync(() => therapist.View.HelpRequests.Count == 1, "the therapist gets the lobby patient's request");
        Assert.Equal("Needs help", therapist.View.HelpRequests[0].Message);
        Assert.Equal("Pat Thompson", therapist.View.HelpRequests[0].EmergencyContactName);
        Assert.Equal("lobby", waiting.View.Admission);
    }

    [Fact]
    public async Task A_help_request_over_500_characters_is_refused_and_sends_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(4));

        var refused = await Assert.ThrowsAsync<RoomCallException>(() => patient.RequestHelp(new string('h', 501)));
        await patient.RequestHelp(new string('h', 500));

        Assert.Equal("invalid-argument", refused.Code);
        await Eventually.TrueAsync(() => therapist.View.HelpRequests.Count == 1, "the request within the limit arrives");
        Assert.Equal(500, therapist.View.HelpRequests[0].Message.Length);
    }
}
