using System.Net;
using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Attendance;

/// <summary>
/// A session held over the hub (real tokens, real SignalR, the configured database) and what the clinic does with its
/// attendance afterwards: the roster, excuses, sign-off and amendments, follow-ups for absentees, the billing export, audits.
/// </summary>
public sealed class AttendanceFlowTests(AttendanceServer server) : IClassFixture<AttendanceServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_held_over_the_hub_gives_a_roster_follow_ups_amendments_and_an_export()
    {
        var sessionId = await server.NewSessionAsync(startsIn: TimeSpan.FromMinutes(-60));
        var session = new SessionId(sessionId);
        var ledger = server.Services.GetRequiredService<IAttendanceLog>();
        var (p1, p2, p3, p4) = (await UserAsync(1), await UserAsync(2), await UserAsync(3), await UserAsync(4));
        var start = await server.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.ScheduledStart).SingleAsync(Ct));

        // Patient 4 sat in the clinic room for the first 45 minutes (checked in and out by staff; the facts the room would stage).
        await ledger.RecordAsync([
            AttendanceEvent.Opened("staff-click-1", session, p4.UserId, AttendanceMode.InPerson, start),
            AttendanceEvent.Closed("staff-click-2", session, p4.UserId, AttendanceChannel.InPerson, AttendanceEndReason.CheckedOut, start.AddMinutes(45))], Ct);

        await using (var therapist = await server.TherapistInAsync(sessionId))
        {
            await using var one = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
            await using var two = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));
            await EventuallyAsync(async () => (await ledger.SessionIntervalsAsync(session, Ct)).Count(i => i.IsOpen) == 3,
                "the therapist and both patients have an open interval");

            await two.LeaveSession();
            await EventuallyAsync(async () => (await ledger.SessionIntervalsAsync(session, Ct)).Any(i => i.UserId == p2.UserId && i.EndReason == AttendanceEndReason.Left),
                "a clean leave closes at once");
            await therapist.EndSession();
            await EventuallyAsync(async () => (await ledger.SessionIntervalsAsync(session, Ct)) is { Count: > 0 } all && !all.Any(i => i.IsOpen),
                "the session's end closes every interval");
        }

        var intervals = await ledger.SessionIntervalsAsync(session, Ct);
        Assert.Equal(AttendanceEndReason.SessionEnded, intervals.Single(i => i.UserId == p1.UserId).EndReason);
        Assert.Equal(AttendanceMode.Video, intervals.Single(i => i.UserId == p1.UserId).Mode);

        using var therapistApi = await server.ApiAsAsync(DemoAccounts.Therapist);
        var roster = await (await therapistApi.ApiGetAsync($"/api/sessions/{sessionId}/attendance")).ReadAsync<SessionRosterDto>();
        var enrolled = await server.WithDbAsync(db => db.Enrollments.CountAsync(e => e.GroupId == roster.GroupId, Ct));
        Assert.True(roster.Ended);
        Assert.Equal(enrolled, roster.Patients.Count);
        Assert.Equal(3, roster.ParticipantCount);
        var one1 = roster.Patients.Single(p => p.PatientId == p1.Id);
        Assert.Equal(("partial", "Home, Evanston, IL", false), (one1.Status, one1.AttestedLocation, one1.StillPresent));
        Assert.Contains("late", one1.Flags);
        var four = roster.Patients.Single(p => p.PatientId == p4.Id);
        Assert.Equal(("partial", 45, "in-person"), (four.Status, four.Minutes, Assert.Single(four.Modes)));
        Assert.Contains("left-early", four.Flags);
        Assert.Equal("absent", roster.Patients.Single(p => p.PatientId == p3.Id).Status);

        // Every enrolled patient who was absent gets a follow-up for the group's therapists; those who came do not.
        var absentees = roster.Patients.Where(p => p.Status == "absent").Select(p => p.PatientId).Order().ToList();
        Assert.Equal(enrolled - 3, absentees.Count);
        List<FollowUpDto> queue = [];
        await EventuallyAsync(async () =>
        {
            queue = [.. (await (await therapistApi.ApiGetAsync("/api/follow-ups")).ReadAsync<List<FollowUpDto>>()).Where(f => f.SessionId == sessionId)];
            return queue.Count == absentees.Count;
        }, "a follow-up per absentee");
        Assert.Equal(absentees, queue.Select(f => f.PatientId).Order());

        // Excusing patient 3 closes their follow-up; contacts and closing work on the others.
        var excused = await (await therapistApi.ApiPutAsync($"/api/sessions/{sessionId}/attendance/{p3.Id}/excuse",
            new ExcuseInput(true, "Hospital appointment"))).ReadAsync<SessionRosterDto>();
        Assert.Equal("excused", excused.Patients.Single(p => p.PatientId == p3.Id).Status);
        var other = queue.First(f => f.PatientId != p3.Id);
        var contacted = await (await therapistApi.ApiPostAsync($"/api/follow-ups/{other.Id}/contacts", new ContactInput("phone", "Left a voicemail"))).ReadAsync<FollowUpDto>();
        Assert.Equal("phone", Assert.Single(contacted.Contacts).Method);
        var closed = await (await therapistApi.ApiPostAsync($"/api/follow-ups/{other.Id}/close", new CloseFollowUpInput("Reached; back on Thursday"))).ReadAsync<FollowUpDto>();
        Assert.Equal("closed", closed.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await therapistApi.ApiPostAsync($"/api/follow-ups/{other.Id}/close", new CloseFollowUpInput("again"))).StatusCode);
        var open = await (await therapistApi.ApiGetAsync("/api/follow-ups")).ReadAsync<List<FollowUpDto>>();
        Assert.DoesNotContain(open, f => f.Id == other.Id || (f.SessionId == sessionId && f.PatientId == p3.Id));

        // Sign-off; afterwards a change needs a reason and shows as an amendment with its author.
        var signed = await (await therapistApi.ApiPostAsync($"/api/sessions/{sessionId}/attendance/sign-off", new { })).ReadAsync<SessionRosterDto>();
        Assert.NotNull(signed.SignOff);
        Assert.Equal(HttpStatusCode.Conflict, (await therapistApi.ApiPostAsync($"/api/sessions/{sessionId}/attendance/sign-off", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await therapistApi.ApiPutAsync($"/api/sessions/{sessionId}/attendance/{p3.Id}/excuse", new ExcuseInput(false, " "))).StatusCode);
        var amended = await (await therapistApi.ApiPutAsync($"/api/sessions/{sessionId}/attendance/{p3.Id}/excuse",
            new ExcuseInput(false, "No appointment on record"))).ReadAsync<SessionRosterDto>();
        var amendment = Assert.Single(amended.Amendments);
        Assert.Equal((p3.Id, "unexcused", "No appointment on record"), (amendment.PatientId, amendment.Kind, amendment.Reason));
        Assert.Equal(signed.SignOff!.ByName, amendment.ByName);
        Assert.Equal("absent", amended.Patients.Single(p => p.PatientId == p3.Id).Status);

        // The billing export (office roles): patient 4's 45 in-person minutes; under a second for the others bills nothing.
        using var staffApi = await server.ApiAsAsync(DemoAccounts.Staff);
        var date = roster.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var export = await staffApi.ApiGetAsync($"/api/attendance/export.csv?from={date}&to={date}");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,patient_id,session_id,minutes,mode,modifier,meets_h0015_daily_minimum,group_participants", lines[0]);
        Assert.Contains($"{date},{p4.Id:D},{sessionId:D},45,in-person,,no,3", lines);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapistApi.ApiGetAsync($"/api/attendance/export.csv?from={date}&to={date}")).StatusCode);

        // Every view and export left a PHI-access row.
        var reads = await server.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.PhiRead).Select(a => new { a.TargetType, a.TargetId }).ToListAsync(Ct));
        Assert.Contains(reads, r => r.TargetType == "attendance-session" && r.TargetId == sessionId.ToString());
        Assert.Contains(reads, r => r.TargetType == "attendance-export");
        Assert.Contains(reads, r => r.TargetType == "follow-up-queue");
    }

    [Fact]
    public async Task Consecutive_unexcused_misses_escalate_the_follow_up_to_the_clinic_admin()
    {
        // Two sessions of the group that ended hours ago (no room: nobody came); patient 7 attends neither, patient 8 the first.
        // The earlier one is held from the periodic pass until patient 8's attendance is in, as it would be by its end.
        var earlier = await server.NewSessionAsync(startsIn: TimeSpan.FromHours(-9), holdFollowUps: true);
        var later = await server.NewSessionAsync(startsIn: TimeSpan.FromHours(-5));
        var p8 = await UserAsync(8);
        var p7 = await UserAsync(7);
        var start = await server.WithDbAsync(db => db.Sessions.Where(s => s.Id == earlier).Select(s => s.ScheduledStart).SingleAsync(Ct));
        await server.Services.GetRequiredService<IAttendanceLog>().RecordAsync([
            AttendanceEvent.Opened($"{earlier}:in", new SessionId(earlier), p8.UserId, AttendanceMode.InPerson, start),
            AttendanceEvent.Ended($"{earlier}:end", new SessionId(earlier), start.AddHours(3))], Ct);
        await server.ReleaseFollowUpsAsync(earlier);

        using var adminApi = await server.ApiAsAsync(DemoAccounts.Admin);
        List<FollowUpDto> tasks = [];
        await EventuallyAsync(async () =>
        {
            tasks = [.. (await (await adminApi.ApiGetAsync("/api/follow-ups")).ReadAsync<List<FollowUpDto>>()).Where(f => f.SessionId == earlier || f.SessionId == later)];
            return tasks.Any(t => t.SessionId == earlier && t.PatientId == p7.Id) && tasks.Any(t => t.SessionId == later && t.PatientId == p7.Id);
        }, "follow-ups for both sessions");

        var first = tasks.Single(t => t.SessionId == earlier && t.PatientId == p7.Id);
        var second = tasks.Single(t => t.SessionId == later && t.PatientId == p7.Id);
        Assert.True(second.ConsecutiveMisses > first.ConsecutiveMisses, $"{second.ConsecutiveMisses} after {first.ConsecutiveMisses}");
        Assert.True(second.Escalated);
        // Patient 8 came to the earlier session: one miss in a row, below the program's default of 2, not escalated.
        var came = tasks.Single(t => t.SessionId == later && t.PatientId == p8.Id);
        Assert.Equal((1, false), (came.ConsecutiveMisses, came.Escalated));
        Assert.DoesNotContain(tasks, t => t.SessionId == earlier && t.PatientId == p8.Id);
        // The queue shows escalated tasks first.
        var queue = await (await adminApi.ApiGetAsync("/api/follow-ups")).ReadAsync<List<FollowUpDto>>();
        Assert.True(queue.SkipWhile(t => t.Escalated).All(t => !t.Escalated));
    }

    [Fact]
    public async Task Patients_see_only_their_own_week_and_other_clinics_see_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        var p1 = await UserAsync(1);
        using var patientApi = await server.ApiAsAsync(DemoAccounts.Patient(1), totpSecret: null);

        Assert.Equal(HttpStatusCode.Forbidden, (await patientApi.ApiGetAsync($"/api/sessions/{sessionId}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patientApi.ApiGetAsync($"/api/patients/{p1.Id}/attendance")).StatusCode);
        var own = await (await patientApi.ApiGetAsync("/api/me/attendance?weeks=12")).ReadAsync<PatientWeeksDto>();
        Assert.Equal(p1.Id, own.PatientId);
        Assert.Null(own.LegalName);
        Assert.Equal(12, own.Weeks.Count);
        Assert.Equal(DemoAccounts.ClinicTimeZone, own.TimeZone);
        Assert.Equal(HttpStatusCode.BadRequest, (await patientApi.ApiGetAsync("/api/me/attendance?weeks=0")).StatusCode);
        Assert.NotEmpty(await server.DeniedAuditAsync(DemoAccounts.Patient(1), AuditActions.Forbidden));

        var other = await OtherClinic.ArrangeAsync(server);
        using var otherApi = await server.ApiAsAsync(other.AdminEmail, totpSecret: other.TotpSecret);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.ApiGetAsync($"/api/sessions/{sessionId}/attendance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.ApiGetAsync($"/api/patients/{p1.Id}/attendance")).StatusCode);
        Assert.NotEmpty(await server.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.CrossClinicAccess && a.UserId == other.AdminUserId).ToListAsync(Ct)));
    }

    private Task<Domain.People.PatientProfile> UserAsync(int n) => server.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == DemoAccounts.Patient(n)).Select(u => u.Id).SingleAsync(Ct);
        return await db.Patients.AsNoTracking().SingleAsync(p => p.UserId == userId, Ct);
    });

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(50, Ct);
        }
    }
}
