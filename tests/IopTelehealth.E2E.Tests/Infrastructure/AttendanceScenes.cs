using IopTelehealth.Domain;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>A session of the demo group that took place, with the ledger's intervals of it once every one was closed.</summary>
public sealed record HeldSession(Guid SessionId, DateTimeOffset ScheduledStart, IReadOnlyList<AttendanceInterval> Intervals);

/// <summary>
/// Attendance produced the way the server produces it, for the attendance page tests: remote presence over the hub (real
/// tokens, the room, the attendance sink), in-person presence through the room service's staff check-in (what the front desk's
/// roster calls). Past sessions cannot have a room any more: their in-clinic presence is the facts a room would have staged,
/// recorded in one batch (an interval left open without a room would be closed as orphaned).
/// </summary>
public static class AttendanceScenes
{
    public static Task<PatientProfile> DemoPatientAsync(this IopServer server, int number) => server.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == DemoAccounts.Patient(number)).Select(u => u.Id).SingleAsync();
        return await db.Patients.AsNoTracking().SingleAsync(p => p.UserId == userId);
    });

    /// <summary>
    /// A three-hour session that started an hour ago: <paramref name="inClinic"/> were checked in at the desk at the start,
    /// <paramref name="remote"/> join from home and are admitted, then the therapist ends the session in the room.
    /// Returns once the ledger holds everyone's intervals, all closed.
    /// </summary>
    public static async Task<HeldSession> HoldSessionAsync(this IopServer server, IReadOnlyList<int> inClinic, IReadOnlyList<int> remote)
    {
        ArgumentNullException.ThrowIfNull(inClinic);
        ArgumentNullException.ThrowIfNull(remote);
        var sessionId = await server.NewSessionAsync(startsIn: TimeSpan.FromMinutes(-60));
        var session = new SessionId(sessionId);
        var start = await server.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.ScheduledStart).SingleAsync());
        var ledger = server.Services.GetRequiredService<IAttendanceLog>();
        await using var scope = server.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<RoomService>();
        var frontDesk = await server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Staff).Select(u => new { u.Id, u.ClinicId }).SingleAsync());
        var staff = new RoomCaller(frontDesk.Id, frontDesk.ClinicId, new HashSet<string> { Roles.Staff });
        var present = new List<Guid>();
        foreach (var number in inClinic)
        {
            var patient = await server.DemoPatientAsync(number);
            Assert.Equal(CheckInChange.CheckedIn, (await desk.CheckInByStaffAsync(staff, session, patient.UserId)).Change);
            present.Add(patient.UserId);
        }

        await using (var therapist = await server.TherapistInAsync(sessionId))
        {
            var patients = new List<Client.RoomClient>();
            try
            {
                foreach (var number in remote)
                {
                    patients.Add(await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(number)));
                    present.Add((await server.DemoPatientAsync(number)).UserId);
                }

                await Eventually.TrueAsync(async () => (await ledger.SessionIntervalsAsync(session)).Where(i => i.IsOpen).Select(i => i.UserId).ToHashSet().IsSupersetOf(present),
                    "every patient who came has an open interval", TimeSpan.FromSeconds(15));
                await therapist.EndSession();
                await Eventually.TrueAsync(async () => (await ledger.SessionIntervalsAsync(session)) is { Count: > 0 } all && !all.Any(i => i.IsOpen),
                    "the session's end closed every interval", TimeSpan.FromSeconds(15));
            }
            finally
            {
                foreach (var patient in patients)
                {
                    await patient.DisposeAsync();
                }
            }
        }

        return new HeldSession(sessionId, start, await ledger.SessionIntervalsAsync(session));
    }

    /// <summary>Moves the start of every enrollment in the demo group back to <paramref name="since"/> (the seed enrolls from this week's Monday).</summary>
    public static Task EnrollDemoGroupSinceAsync(this IopServer server, DateOnly since) => server.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
        foreach (var enrollment in await db.Enrollments.Where(e => e.GroupId == group.Id).ToListAsync())
        {
            enrollment.ChangeDates(since, null);
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>A past 18:00–21:00 session of the demo group in the clinic room: the patients in <paramref name="attended"/> checked in at the start and stayed to the end.</summary>
    public static async Task<Guid> PastSessionInClinicAsync(this IopServer server, DateOnly localDate, string topic, IReadOnlyList<int> attended)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoAccounts.ClinicTimeZone);
        var start = ScheduleExpander.ToInstant(localDate.ToDateTime(new TimeOnly(18, 0)), zone);
        var sessionId = await server.WithDbAsync(async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
            var created = new GroupSession(Guid.NewGuid(), group.ClinicId, group.Id, scheduleId: null, new SessionSlot(localDate, start, start.AddHours(3), topic));
            db.Add(created);
            await db.SaveChangesAsync();
            return created.Id;
        });
        var session = new SessionId(sessionId);
        var facts = new List<AttendanceEvent>();
        foreach (var number in attended)
        {
            var patient = await server.DemoPatientAsync(number);
            facts.Add(AttendanceEvent.Opened($"e2e-desk:{sessionId:N}:{number}", session, patient.UserId, AttendanceMode.InPerson, start));
        }

        facts.Add(AttendanceEvent.Ended($"e2e-desk:{sessionId:N}:end", session, start.AddHours(3)));
        await server.Services.GetRequiredService<IAttendanceLog>().RecordAsync(facts);
        return sessionId;
    }

    /// <summary>Waits for the periodic pass to create the follow-up of <paramref name="patientUserId"/> for the ended session.</summary>
    public static Task FollowUpCreatedAsync(this IopServer server, Guid sessionId, Guid patientUserId) =>
        Eventually.TrueAsync(() => server.WithDbAsync(db => db.FollowUpTasks.AnyAsync(t => t.SessionId == sessionId && t.PatientUserId == patientUserId)),
            "the missed-session follow-up exists", TimeSpan.FromSeconds(15));
}
