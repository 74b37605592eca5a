using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>
/// Malformed input: wrongly typed or missing arguments (refused by SignalR's binder before any of our code), nulls,
/// over-long attestation fields, and a message over the 32 KB limit. Nothing of it reaches the stored room.
/// </summary>
public sealed class BadInputTests(DemoServer server) : IClassFixture<DemoServer>
{
    public static TheoryData<bool> Protocols => new() { false, true };

    [Theory]
    [MemberData(nameof(Protocols))]
    public async Task Arguments_of_the_wrong_type_or_count_answer_invalid_argument(bool messagePack)
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId, messagePack);
        var version = await server.RoomVersionAsync(sessionId);

        var cases = new (string What, object?[] Args, string Method)[]
        {
            ("strings for booleans", ["yes", "no"], nameof(IRoomHub.SetMedia)),
            ("a number for a string", [42, null], nameof(IRoomHub.SendChat)),
            ("a string that is no uuid", ["not-a-guid", null], nameof(IRoomHub.JoinSession)),
            ("a number for an attestation", [sessionId, 7], nameof(IRoomHub.JoinSession)),
            ("too few arguments", [true], nameof(IRoomHub.SetMedia)),
            ("too many arguments", ["0123456789ab", true, 3], nameof(IRoomHub.Remove)),
        };
        foreach (var (what, args, method) in cases)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(() => therapist.InvokeRawAsync<object?>(method, args));
            Assert.True(refused.Code == "invalid-argument", $"{what} ({method}) answered {refused.Code}: {refused.Message}");
        }

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Empty(await server.StoredChatAsync(sessionId));
        // The connection survives a binding failure.
        await therapist.SetMedia(audio: true, video: false);
        await Eventually.TrueAsync(() => therapist.View.Self is { AudioOn: true }, "a well-formed call still works");
    }

    [Fact]
    public async Task Null_and_missing_values_answer_their_codes()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(1));
        // Consent comes first (a patient who never accepted it gets consent-required for any attestation); accept it once.
        await patient.JoinSession(sessionId, RoomParticipants.AtHome);
        await patient.LeaveSession();
        var version = await server.RoomVersionAsync(sessionId);

        var cases = new (string What, Func<Task> Call, string Code)[]
        {
            ("no attestation", () => patient.JoinSession(sessionId, null), "attestation-required"),
            ("null location", () => patient.JoinSession(sessionId, RoomParticipants.AtHome with { Location = null! }), "attestation-required"),
            ("blank state", () => patient.JoinSession(sessionId, RoomParticipants.AtHome with { State = "  " }), "attestation-required"),
            ("not private", () => patient.JoinSession(sessionId, RoomParticipants.AtHome with { PrivateSpace = false }), "attestation-required"),
            ("null participant id", () => therapist.InvokeRawAsync<object?>(nameof(IRoomHub.Admit), [null]), "invalid-argument"),
            ("null chat text", () => therapist.InvokeRawAsync<object?>(nameof(IRoomHub.SendChat), null, null), "invalid-argument"),
            ("null session id", () => therapist.InvokeRawAsync<object?>(nameof(IRoomHub.OpenSession), [null]), "invalid-argument"),
        };
        foreach (var (what, call, code) in cases)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(call);
            Assert.True(refused.Code == code, $"{what} answered {refused.Code}: {refused.Message}");
        }

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Single((await server.StoredRoomAsync(sessionId))!.Participants);
    }

    [Fact]
    public async Task Attestation_fields_are_bounded()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.ConnectAsAsync(DemoAccounts.Patient(2));
        var version = await server.RoomVersionAsync(sessionId);

        var cases = new (string What, AttestationDto Attestation)[]
        {
            ("location over 200", RoomParticipants.AtHome with { Location = new string('l', 201) }),
            ("state over 40", RoomParticipants.AtHome with { State = new string('s', 41) }),
            ("location of 20,000 characters", RoomParticipants.AtHome with { Location = new string('l', 20_000) }),
        };
        foreach (var (what, attestation) in cases)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(() => patient.JoinSession(sessionId, attestation));
            Assert.True(refused.Code == "invalid-argument", $"{what} answered {refused.Code}");
        }

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        var longest = RoomParticipants.AtHome with { Location = new string('l', 200), State = new string('s', 40) };
        var joined = await patient.JoinSession(sessionId, longest);
        Assert.Equal("lobby", joined.Admission);
        await Eventually.TrueAsync(() => therapist.View.Lobby.Any(l => l.AttestedState == longest.State), "the bounded attestation arrives whole");
    }

    [Fact]
    public async Task A_message_over_32_KB_makes_the_server_close_the_connection_and_changes_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));
        var participantId = patient.View.SelfId!;
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        patient.Resumed += _ => resumed.TrySetResult();

        var refused = await Assert.ThrowsAsync<RoomCallException>(() => patient.SendChat(new string('x', RoomProtocol.MaxMessageBytes + 1), null));

        // SignalR refuses the frame itself: it closes the connection ("Connection closed with an error.") and the call fails
        // with no room code. The RoomClient then reconnects and resumes the same participant, as after any drop.
        Assert.Contains("closed the connection", refused.Message, StringComparison.Ordinal);
        await resumed.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.Equal(participantId, patient.View.SelfId);
        Assert.Empty(await server.StoredChatAsync(sessionId));
        Assert.Empty(therapist.View.Chat);
        await Eventually.TrueAsync(() => therapist.View.Find(participantId) is { Connected: true }, "the patient is back in the therapist's view");
        await patient.SendChat("still here", null);
        await Eventually.TrueAsync(() => therapist.View.Chat.Any(c => c.Text == "still here"), "the resumed connection works");
    }
}
