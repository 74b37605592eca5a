using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Attendance;

/// <summary>A session with what attendance needs around it: group, program rules, enrolled patients and their derived attendance.</summary>
internal sealed record LoadedSession(GroupSession Session, TherapyGroup Group, ProgramSettings Program, int EscalateAfterMisses, bool Ended,
    IReadOnlyList<LoadedPatient> Patients, IReadOnlyList<AttendanceInterval> Intervals)
{
    public SessionWindow Window => new(new SessionId(Session.Id), Session.LocalDate, Session.ScheduledStart, Session.ScheduledEnd);

    /// <summary>Patients who attended (<see cref="SessionAttendance.Attended"/>): the group's participant count on the roster and for billing.</summary>
    public int ParticipantCount => Patients.Count(p => p.Attendance.Attended);
}

internal sealed record LoadedPatient(PatientProfile Profile, SessionAttendance Attendance, AttendanceExcuse? Excuse);

/// <summary>
/// Reads sessions of one clinic and derives each enrolled patient's attendance from the ledger's intervals (summaries are
/// computed on every read, never stored). Enrolled = an enrollment in the session's group active on the session's local date.
/// </summary>
internal sealed class SessionAttendanceLoader(IopDbContext db, IAttendanceLog ledger, RoomSettings rooms, TimeProvider clock)
{
    public async Task<IReadOnlyList<LoadedSession>> LoadAsync(Guid clinicId, IQueryable<GroupSession> sessions, CancellationToken cancellationToken)
    {
        var rows = await sessions.AsNoTracking().Where(s => s.ClinicId == clinicId && s.Status == GroupSessionStatus.Scheduled)
            .OrderBy(s => s.ScheduledStart).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var groupIds = rows.Select(s => s.GroupId).Distinct().ToList();
        var sessionIds = rows.Select(s => s.Id).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var programIds = groups.Values.Select(g => g.ProgramId).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => groupIds.Contains(e.GroupId)).ToListAsync(cancellationToken);
        var patientIds = enrollments.Select(e => e.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var excuses = await db.AttendanceExcuses.AsNoTracking().Where(e => sessionIds.Contains(e.SessionId)).ToListAsync(cancellationToken);
        var intervals = await ledger.IntervalsAsync([.. sessionIds.Select(id => new SessionId(id))], cancellationToken);
        var endedIds = await db.AttendanceEvents.AsNoTracking()
            .Where(e => sessionIds.Contains(e.SessionId) && e.Kind == AttendanceEventKind.SessionEnded)
            .Select(e => e.SessionId).Distinct().ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var bySession = intervals.ToLookup(i => i.SessionId.Value);
        return [.. rows.Select(session =>
        {
            var group = groups[session.GroupId];
            var program = programs[group.ProgramId];
            var ended = endedIds.Contains(session.Id) || now > session.ScheduledEnd + rooms.AutoEndAfter;
            var window = new SessionWindow(new SessionId(session.Id), session.LocalDate, session.ScheduledStart, session.ScheduledEnd);
            var mine = bySession[session.Id].ToList();
            var enrolled = enrollments.Where(e => e.GroupId == session.GroupId && e.IsActiveOn(session.LocalDate))
                .Select(e => patients[e.PatientId]).DistinctBy(p => p.Id).OrderBy(p => p.LegalName, StringComparer.Ordinal).ToList();
            var loaded = enrolled.Select(p =>
            {
                var excuse = excuses.FirstOrDefault(x => x.SessionId == session.Id && x.PatientUserId == p.UserId && x.Excused);
                return new LoadedPatient(p, SessionAttendance.Derive(window, p.UserId, mine, program.Settings, excuse is not null, now), excuse);
            }).ToList();
            return new LoadedSession(session, group, program.Settings, program.EscalateAfterMisses, ended, loaded, mine);
        })];
    }
}
