using System.Collections.Concurrent;
using System.Net;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Hybrid;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Tests.Hybrid;

/// <summary>
/// Hybrid check-in over real HTTP and WebSockets with real tokens: the room device's code, the patient's scan, staff check-in
/// and check-out, what remote peers see, and every refusal with its stable code.
/// </summary>
public sealed class CheckInApiTests(HybridServer server) : IClassFixture<HybridServer>
{
    [Fact]
    public async Task A_patient_scans_the_room_code_and_remote_peers_see_them_in_the_clinic()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var remote = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var device = await server.DeviceInRoomAsync(sessionId);
        var code = await CodeAsync(sessionId);
        Assert.StartsWith($"{server.BaseAddress}check-in?s={sessionId}&t=", code.Url, StringComparison.Ordinal);
        Assert.StartsWith("<svg", code.QrSvg, StringComparison.Ordinal);
        Assert.Equal(30, code.RotateAfterSeconds);

        var scanned = await ScanAsync(DemoAccounts.Patient(2), sessionId, Token(code));

        Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
        var result = await scanned.ReadAsync<CheckInResultDto>();
        Assert.Equal((CheckInChanges.CheckedIn, "River"), (result.Change, result.Alias));
        await Eventually.TrueAsync(() => remote.View.Participants.Any(p => p.DisplayName == "River" && p.InClinic && p.Role == "patient"),
            "the remote patient sees River in the clinic");
        Assert.Equal(4, remote.View.Participants.Count);
        // Each connection gets the room event on its own; the remote patient's having it says nothing about the therapist's.
        await Eventually.TrueAsync(() => therapist.View.Participants.Any(p => p.DisplayName == "River" && p.InClinic), "the therapist sees River in the clinic");
        Assert.DoesNotContain(therapist.View.Participants, p => p.DisplayName.Contains("Nguyen", StringComparison.Ordinal));
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(2));
        Assert.Contains(await server.AuditAsync(AuditActions.CheckedIn), a => a.TargetId == sessionId.ToString("N") && a.UserId == patientId
            && a.Detail!.EndsWith("scan:checked-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_code_cannot_act_twice_and_the_next_code_checks_the_patient_out()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var device = await server.DeviceInRoomAsync(sessionId);
        var first = Token(await CodeAsync(sessionId));
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(DemoAccounts.Patient(3), sessionId, first)).StatusCode);
        await Eventually.TrueAsync(() => therapist.View.Participants.Any(p => p.DisplayName == "Oak" && p.InClinic), "the therapist sees Oak checked in");

        var replay = await ScanAsync(DemoAccounts.Patient(3), sessionId, first);
        await AssertRefusedAsync(replay, HttpStatusCode.BadRequest, RoomErrors.TokenUsed);
        Assert.True((await server.StoredRoomAsync(sessionId))!.Participants.Single(p => p.DisplayName == "Oak").InClinic);

        var again = await ScanAsync(DemoAccounts.Patient(3), sessionId, Token(await CodeAsync(sessionId)));

        Assert.Equal(CheckInChanges.CheckedOut, (await again.ReadAsync<CheckInResultDto>()).Change);
        await Eventually.TrueAsync(() => therapist.View.Participants.All(p => p.DisplayName != "Oak"), "Oak left the therapist's list");
    }

    [Fact]
    public async Task A_connected_patient_checked_in_by_staff_leaves_remotely_and_stays_in_the_room_in_person()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(4));
        var participantId = patient.View.SelfId!;
        var staff = await server.ApiAsAsync(DemoAccounts.Staff);
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(4));
        var received = new ConcurrentQueue<string>();
        patient.EventReceived += received.Enqueue;

        var response = await staff.ApiPostAsync($"/api/sessions/{sessionId}/check-in/patients/{patientId}", new { });

        Assert.Equal(CheckInChanges.SwitchedFromRemote, (await response.ReadAsync<CheckInResultDto>()).Change);
        await Eventually.TrueAsync(() => patient.View.CheckedInAtClinic && patient.View.Admission == "left",
            "the patient's phone is told the patient is now checked in at the clinic");
        await Eventually.TrueAsync(() => therapist.View.Find(participantId) is { InClinic: true }, "the therapist sees the same participant in the clinic");
        var stored = (await server.StoredRoomAsync(sessionId))!.Find(new ParticipantId(participantId))!;
        Assert.True(stored.InClinic);
        Assert.Null(stored.ConnectionId);

        // One presence per person: neither the phone itself nor a reload of its page can come back while the patient is checked in.
        var again = await Assert.ThrowsAsync<RoomCallException>(() => patient.JoinSession(sessionId, RoomParticipants.AtHome));
        Assert.Equal(RoomErrors.CheckedInAtClinic, again.Code);
        await using var phone = await server.ConnectAsAsync(DemoAccounts.Patient(4));
        var refused = await Assert.ThrowsAsync<RoomCallException>(() => phone.JoinSession(sessionId, RoomParticipants.AtHome));
        Assert.Equal(RoomErrors.CheckedInAtClinic, refused.Code);
        // The refusal came after the check-in's events on the same connection: the phone heard why it left, and never "replaced".
        Assert.Single(received, nameof(IRoomClient.CheckedInAtClinic));
        Assert.DoesNotContain(nameof(IRoomClient.Replaced), received);
        Assert.False(patient.View.Replaced);

        // The ledger: the remote interval ended the instant the in-person one began.
        var intervals = await IntervalsAsync(sessionId, patientId);
        Assert.Equal([(AttendanceMode.Video, (AttendanceEndReason?)AttendanceEndReason.ModeChanged), (AttendanceMode.InPerson, null)],
            intervals.Select(i => (i.Mode, i.EndReason)));
        Assert.Equal(intervals[0].End, intervals[1].Start);

        var checkout = await staff.ApiDeleteAsync($"/api/sessions/{sessionId}/check-in/patients/{patientId}");
        Assert.Equal(CheckInChanges.CheckedOut, (await checkout.ReadAsync<CheckInResultDto>()).Change);
        await Eventually.TrueAsync(() => therapist.View.Find(participantId) is null, "the checked-out patient left the therapist's list");
        Assert.Equal(AttendanceEndReason.CheckedOut, (await IntervalsAsync(sessionId, patientId))[^1].EndReason);
    }

    [Fact]
    public async Task A_patient_in_the_room_on_their_phone_who_scans_the_room_code_is_told_on_the_phone_they_are_checked_in_at_the_clinic()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var phone = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var device = await server.DeviceInRoomAsync(sessionId);
        var participantId = phone.View.SelfId!;

        var scanned = await ScanAsync(DemoAccounts.Patient(1), sessionId, Token(await CodeAsync(sessionId)));

        Assert.Equal(CheckInChanges.SwitchedFromRemote, (await scanned.ReadAsync<CheckInResultDto>()).Change);
        await Eventually.TrueAsync(() => phone.View.CheckedInAtClinic && phone.View.Admission == "left",
            "the phone that scanned learns its patient is now checked in at the clinic");
        await Eventually.TrueAsync(() => therapist.View.Find(participantId) is { InClinic: true }, "the therapist sees the same participant in the clinic");
        Assert.False(phone.View.Replaced);
        Assert.Empty(phone.View.Participants);
    }

    [Fact]
    public async Task A_patient_waiting_in_the_lobby_on_their_phone_and_checked_in_by_staff_is_told_on_the_phone_they_are_at_the_clinic()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var phone = await server.PatientInLobbyAsync(sessionId, therapist, DemoAccounts.Patient(2));
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(2));
        var staff = await server.ApiAsAsync(DemoAccounts.Staff);

        var response = await staff.ApiPostAsync($"/api/sessions/{sessionId}/check-in/patients/{patientId}", new { });

        Assert.Equal(CheckInChanges.CheckedIn, (await response.ReadAsync<CheckInResultDto>()).Change);
        await Eventually.TrueAsync(() => phone.View.CheckedInAtClinic && phone.View.Admission == "left",
            "the waiting phone learns its patient is now checked in at the clinic");
        await Eventually.TrueAsync(() => therapist.View.Lobby.Count == 0, "the lobby is empty");
        Assert.False(phone.View.Replaced);
        Assert.True((await server.StoredRoomAsync(sessionId))!.Participants.Single(p => p.UserId == patientId).InClinic);
    }

    [Fact]
    public async Task The_roster_lists_every_enrolled_patient_by_alias_with_their_presence_for_staff_and_the_groups_therapist_only()
    {
        var sessionId = await server.NewSessionAsync();
        var staff = await server.ApiAsAsync(DemoAccounts.Staff);
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(5));
        Assert.Equal(HttpStatusCode.OK, (await staff.ApiPostAsync($"/api/sessions/{sessionId}/check-in/patients/{patientId}", new { })).StatusCode);

        var roster = await (await (await server.ApiAsAsync(DemoAccounts.Therapist)).ApiGetAsync($"/api/sessions/{sessionId}/check-in/roster")).ReadAsync<CheckInRosterDto>();

        Assert.Equal(DemoAccounts.PatientCount, roster.Patients.Count);
        Assert.Equal(CheckInStatuses.InClinic, roster.Patients.Single(p => p.UserId == patientId).Status);
        Assert.Equal(DemoAccounts.PatientCount - 1, roster.Patients.Count(p => p.Status == CheckInStatuses.Absent));
        Assert.Contains(roster.Patients, p => p.Alias == "Sunrise");
        var asPatient = await (await server.ApiAsAsync(DemoAccounts.Patient(1))).ApiGetAsync($"/api/sessions/{sessionId}/check-in/roster");
        await AssertRefusedAsync(asPatient, HttpStatusCode.Forbidden, RoomErrors.Forbidden);
    }

    [Fact]
    public async Task Codes_of_another_session_forged_expired_or_for_a_patient_not_enrolled_are_refused_and_change_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        var otherSessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var device = await server.DeviceInRoomAsync(sessionId);
        var token = Token(await CodeAsync(sessionId));
        var version = await server.RoomVersionAsync(sessionId);

        await AssertRefusedAsync(await ScanAsync(DemoAccounts.Patient(6), otherSessionId, token), HttpStatusCode.BadRequest, RoomErrors.TokenWrongSession);
        await AssertRefusedAsync(await ScanAsync(DemoAccounts.Patient(6), sessionId, token[..^4] + "AAAA"), HttpStatusCode.BadRequest, RoomErrors.TokenInvalid);
        await AssertRefusedAsync(await ScanAsync(DemoAccounts.Patient(6), sessionId, ExpiredToken(sessionId)), HttpStatusCode.BadRequest, RoomErrors.TokenExpired);
        await AssertRefusedAsync(await ScanAsync(DemoAccounts.Staff, sessionId, token), HttpStatusCode.Forbidden, RoomErrors.Forbidden);

        var notEnrolledSession = await server.SessionOfAnotherGroupAsync();
        await AssertRefusedAsync(await ScanAsync(DemoAccounts.Patient(6), notEnrolledSession, await ForeignTokenAsync(notEnrolledSession)),
            HttpStatusCode.Forbidden, RoomErrors.NotEnrolled);

        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Null(await server.StoredRoomAsync(otherSessionId));
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(6));
        Assert.Contains(await server.AuditAsync(AuditActions.Forbidden), a => a.UserId == patientId && a.TargetId == notEnrolledSession.ToString("N"));
    }

    [Fact]
    public async Task Only_the_sessions_room_device_gets_codes_and_check_in_ends_with_the_session()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        var patientApi = await server.ApiAsAsync(DemoAccounts.Patient(7));
        await AssertRefusedAsync(await patientApi.ApiGetAsync($"/api/sessions/{sessionId}/check-in/code"), HttpStatusCode.Forbidden, RoomErrors.Forbidden);
        var deviceApi = server.ApiWithToken(await server.DeviceTokenAsync());
        await AssertRefusedAsync(await deviceApi.ApiGetAsync($"/api/sessions/{sessionId}/check-in/code"), HttpStatusCode.Forbidden, RoomErrors.Forbidden);

        await using var device = await server.DeviceInRoomAsync(sessionId);
        var token = Token(await CodeAsync(sessionId));
        Assert.Equal(HttpStatusCode.OK, (await ScanAsync(DemoAccounts.Patient(7), sessionId, token)).StatusCode);
        await therapist.EndSession();
        await Eventually.TrueAsync(() => therapist.View.Ended, "the session ended");

        var room = await server.StoredRoomAsync(sessionId);
        Assert.Equal(RoomPhase.Ended, room!.Phase);
        var inPerson = Assert.Single(await IntervalsAsync(sessionId, await server.UserIdAsync(DemoAccounts.Patient(7))));
        Assert.Equal((AttendanceMode.InPerson, (AttendanceEndReason?)AttendanceEndReason.SessionEnded), (inPerson.Mode, inPerson.EndReason));
        Assert.Empty(room.Participants);
        await AssertRefusedAsync(await deviceApi.ApiGetAsync($"/api/sessions/{sessionId}/check-in/code"), HttpStatusCode.Conflict, RoomErrors.RoomEnded);
        await AssertRefusedAsync(await ScanAsync(DemoAccounts.Patient(8), sessionId, token), HttpStatusCode.Conflict, RoomErrors.RoomEnded);
        var staff = await server.ApiAsAsync(DemoAccounts.Staff);
        var patient8 = await server.UserIdAsync(DemoAccounts.Patient(8));
        await AssertRefusedAsync(await staff.ApiPostAsync($"/api/sessions/{sessionId}/check-in/patients/{patient8}", new { }), HttpStatusCode.Conflict, RoomErrors.RoomEnded);
        var later = await server.NewSessionAsync(TimeSpan.FromHours(6));
        await AssertRefusedAsync(await staff.ApiPostAsync($"/api/sessions/{later}/check-in/patients/{patient8}", new { }), HttpStatusCode.Conflict, RoomErrors.RoomNotOpen);
    }

    private async Task<List<AttendanceInterval>> IntervalsAsync(Guid sessionId, Guid userId) =>
        [.. (await server.Services.GetRequiredService<IAttendanceLog>().SessionIntervalsAsync(new SessionId(sessionId))).Where(i => i.UserId == userId)];

    private async Task<CheckInCodeDto> CodeAsync(Guid sessionId)
    {
        var response = await server.ApiWithToken(await server.DeviceTokenAsync()).ApiGetAsync($"/api/sessions/{sessionId}/check-in/code");
        Assert.True(response.IsSuccessStatusCode, $"code: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<CheckInCodeDto>();
    }

    private async Task<HttpResponseMessage> ScanAsync(string email, Guid sessionId, string token) =>
        await (await server.ApiAsAsync(email)).ApiPostAsync($"/api/sessions/{sessionId}/check-in/scan", new CheckInScanInput(token));

    private static string Token(CheckInCodeDto code) => Uri.UnescapeDataString(code.Url.Split("&t=")[1]);

    /// <summary>A genuine code of the server's own key ring, issued a minute ago: expired 15 s ago.</summary>
    private string ExpiredToken(Guid sessionId) => new CheckInCodeProtector(server.Services.GetRequiredService<IDataProtectionProvider>(),
        new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-1)), server.Services.GetRequiredService<IOptions<HybridSettings>>()).Issue(new SessionId(sessionId)).Token;

    /// <summary>A genuine, fresh code of a session (as if photographed from that room's screen and forwarded).</summary>
    private Task<string> ForeignTokenAsync(Guid sessionId) => Task.FromResult(server.Services.GetRequiredService<CheckInCodeProtector>().Issue(new SessionId(sessionId)).Token);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", body, StringComparison.Ordinal);
    }
}
