using IopTelehealth.Client;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>
/// Calls the caller may not make: moderator methods by patients (forbidden, audited), calls before joining or from the lobby,
/// ids that name nobody. Each answers its code and leaves the stored room exactly as it was.
/// </summary>
public sealed class ForbiddenCallsTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string UnknownParticipant = "0123456789ab";

    [Fact]
    public async Task Every_moderator_call_by_a_patient_is_forbidden_audited_and_changes_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var peer = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
        await using var waiting = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(3));
        await peer.RaiseHand();
        var peerId = peer.View.SelfId!;
        var calls = new (string Method, Func<Task> Call)[]
        {
            ("OpenSession", () => patient.OpenSession(sessionId)),
            ("Admit", () => patient.Admit(waiting.View.SelfId!)),
            ("AdmitAll", patient.AdmitAll),
            ("Deny", () => patient.Deny(waiting.View.SelfId!)),
            ("Mute", () => patient.Mute(peerId)),
            ("AskToUnmute", () => patient.AskToUnmute(peerId)),
            ("MuteAll", patient.MuteAll),
            ("StopVideo", () => patient.StopVideo(peerId)),
            ("LowerHandOf", () => patient.LowerHandOf(peerId)),
            ("Remove", () => patient.Remove(peerId, banForSession: true)),
            ("Lock", patient.Lock),
            ("Unlock", patient.Unlock),
            ("Spotlight", () => patient.Spotlight(peerId)),
            ("EndSession", patient.EndSession),
        };
        var version = await server.RoomVersionAsync(sessionId);
        var audited = (await server.DeniedAuditAsync(DemoAccounts.Patient(1), AuditActions.Forbidden)).Count;

        foreach (var (method, call) in calls)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(call);
            Assert.True(refused.Code == "forbidden", $"{method} answered {refused.Code}");
        }

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        var audit = (await server.DeniedAuditAsync(DemoAccounts.Patient(1), AuditActions.Forbidden)).Skip(audited).ToList();
        Assert.Equal(calls.Select(c => c.Method), audit.Select(a => a.TargetId));
        Assert.All(audit, a => Assert.Equal("hub", a.TargetType));
        Assert.Equal("lobby", waiting.View.Admission);
        Assert.Equal([peerId], therapist.View.HandQueue);
        Assert.False(therapist.View.Room!.Locked);
    }

    [Fact]
    public async Task Calls_before_joining_answer_not_joined_and_calls_from_the_lobby_not_admitted()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var outsider = await server.ConnectAsAsync(DemoAccounts.Patient(4));
        await using var waiting = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(5));
        var version = await server.RoomVersionAsync(sessionId);

        var beforeJoin = new (string Method, Func<Task> Call)[]
        {
            ("Heartbeat", outsider.Heartbeat),
            ("LeaveSession", () => outsider.InvokeRawAsync<object?>("LeaveSession")),
            ("SetMedia", () => outsider.SetMedia(true, true)),
            ("RaiseHand", outsider.RaiseHand),
            ("LowerHand", outsider.LowerHand),
            ("SendChat", () => outsider.SendChat("hello", null)),
            ("RequestHelp", () => outsider.RequestHelp("help")),
            ("Admit", () => outsider.Admit(waiting.View.SelfId!)),
            ("MuteAll", outsider.MuteAll),
            ("EndSession", outsider.EndSession),
        };
        foreach (var (method, call) in beforeJoin)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(call);
            Assert.True(refused.Code == "not-joined", $"{method} before joining answered {refused.Code}");
        }

        var fromLobby = new (string Method, Func<Task> Call)[]
        {
            ("SetMedia", () => waiting.SetMedia(true, true)),
            ("RaiseHand", waiting.RaiseHand),
            ("SendChat", () => waiting.SendChat("hello", null)),
            ("MuteAll", waiting.MuteAll),
        };
        foreach (var (method, call) in fromLobby)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(call);
            Assert.True(refused.Code == "not-admitted", $"{method} from the lobby answered {refused.Code}");
        }

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Empty(await server.StoredChatAsync(sessionId));
        Assert.Empty(await server.DeniedAuditAsync(DemoAccounts.Patient(4), AuditActions.Forbidden));
    }

    [Fact]
    public async Task Ids_that_name_nobody_are_refused_and_change_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(6));
        var version = await server.RoomVersionAsync(sessionId);

        var cases = new (string What, Func<Task> Call, string Code)[]
        {
            ("Admit unknown", () => therapist.Admit(UnknownParticipant), "participant-not-found"),
            ("Admit someone admitted", () => therapist.Admit(patient.View.SelfId!), "participant-not-found"),
            ("Mute unknown", () => therapist.Mute(UnknownParticipant), "participant-not-found"),
            ("Remove unknown", () => therapist.Remove(UnknownParticipant, banForSession: false), "participant-not-found"),
            ("Spotlight unknown", () => therapist.Spotlight(UnknownParticipant), "participant-not-found"),
            ("Deny admitted", () => therapist.Deny(patient.View.SelfId!), "participant-not-found"),
            ("Remove the therapist", () => therapist.Remove(therapist.View.SelfId!, banForSession: false), "invalid-argument"),
            ("malformed id", () => therapist.Mute("not-an-id"), "invalid-argument"),
            ("upper-case id", () => therapist.Mute(patient.View.SelfId!.ToUpperInvariant()), "invalid-argument"),
            ("unknown session", () => therapist.PrepareJoin(Guid.NewGuid()), "session-not-found"),
            ("empty session id", () => therapist.OpenSession(Guid.Empty), "invalid-argument"),
        };
        foreach (var (what, call, code) in cases)
        {
            var refused = await Assert.ThrowsAsync<RoomCallException>(call);
            Assert.True(refused.Code == code, $"{what} answered {refused.Code}, expected {code}");
        }

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Equal(2, therapist.View.Participants.Count);
    }
}
