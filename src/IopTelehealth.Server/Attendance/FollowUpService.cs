using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Persistence;
using IopTelehealth.Persistence.Attendance;
using IopTelehealth.Server.ClinicApi;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Attendance;

/// <summary>
/// Missed-session follow-up: after a session ends, a task for every enrolled patient who was absent and not excused, for the
/// group's therapists; escalated to the clinic's admins after the program's number of consecutive unexcused misses.
/// </summary>
internal sealed class FollowUpService(IopDbContext db, ClinicScope scope, AttendanceAccess access, SessionAttendanceLoader loader, TimeProvider clock)
{
    /// <summary>How far back the periodic pass looks for ended sessions without follow-ups.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    /// <summary>Creates the follow-ups of every ended session not yet processed (any node may run it: the unique indexes keep it once).</summary>
    public async Task<int> CreateDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - Lookback;
        var candidates = await db.Sessions.AsNoTracking()
            .Where(s => s.ScheduledStart >= since && s.ScheduledStart <= now && !db.FollowUpRuns.Any(r => r.SessionId == s.Id))
            .Select(s => new { s.Id, s.ClinicId }).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var candidate in candidates)
        {
            var loaded = await loader.LoadAsync(candidate.ClinicId, db.Sessions.Where(s => s.Id == candidate.Id), cancellationToken);
            if (loaded.Count == 0 || !loaded[0].Ended)
            {
                continue;
            }

            created += await CreateForAsync(loaded[0], now, cancellationToken);
        }

        return created;
    }

    public async Task<ApiResult<IReadOnlyList<FollowUpDto>>> ListAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        if (await scope.AuthorizeAsync(ClinicResource.Attendance, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<FollowUpDto>>.Forbidden();
        }

        var tasks = db.FollowUpTasks.AsNoTracking().Include(t => t.Contacts).Where(t => t.ClinicId == caller.ClinicId);
        if (!caller.IsInAnyRole(Roles.Admin, Roles.Staff))
        {
            var mine = await access.TherapistGroupsAsync(caller, cancellationToken);
            tasks = tasks.Where(t => mine.Contains(t.GroupId));
        }

        if (!includeClosed)
        {
            tasks = tasks.Where(t => t.Status == FollowUpStatus.Open);
        }

        var list = await tasks.ToListAsync(cancellationToken);
        var result = await ToDtosAsync(list.OrderByDescending(t => t.Escalated).ThenBy(t => t.CreatedAt).ToList(), cancellationToken);
        await access.AuditReadAsync("follow-up-queue", null, includeClosed ? "all" : "open", cancellationToken);
        return ApiResult<IReadOnlyList<FollowUpDto>>.Ok(result);
    }

    public async Task<ApiResult<FollowUpDto>> AddContactAsync(Guid taskId, ContactInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await ChangeAsync(taskId, (task, caller, now) =>
        {
            task.AddContact(Guid.NewGuid(), input.Method?.Trim().ToLowerInvariant() ?? "", input.Note ?? "", caller.UserId, now);
            return "contact";
        }, cancellationToken);
    }

    public Task<ApiResult<FollowUpDto>> CloseAsync(Guid taskId, CloseFollowUpInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(taskId, (task, caller, now) =>
        {
            task.Close(input.Outcome ?? "", caller.UserId, now);
            return "closed";
        }, cancellationToken);
    }

    private async Task<ApiResult<FollowUpDto>> ChangeAsync(Guid taskId, Func<FollowUpTask, CurrentCaller, DateTimeOffset, string> change,
        CancellationToken cancellationToken)
    {
        if (await scope.AuthorizeAsync(ClinicResource.Attendance, ClinicAccess.Write, taskId, cancellationToken) is not { } caller)
        {
            return ApiResult<FollowUpDto>.Forbidden();
        }

        var task = await scope.FindAsync(caller, db.FollowUpTasks.Include(t => t.Contacts), taskId, "follow-up", cancellationToken);
        if (task is null)
        {
            return ApiResult<FollowUpDto>.NotFound();
        }

        if (!await access.LeadsOrOfficeAsync(caller, task.GroupId, cancellationToken))
        {
            await scope.AuditAsync(Domain.Audit.AuditActions.Forbidden, "follow-up", taskId, "not-group-therapist", cancellationToken);
            return ApiResult<FollowUpDto>.Forbidden();
        }

        string what;
        try
        {
            what = change(task, caller, clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return e.Field == nameof(FollowUpTask.Status) ? ApiResult<FollowUpDto>.Conflict(e.Message) : scope.Reject<FollowUpDto>(e);
        }

        await db.SaveChangesAsync(cancellationToken);
        await access.AuditChangeAsync("follow-up", taskId, what, cancellationToken);
        return ApiResult<FollowUpDto>.Ok((await ToDtosAsync([task], cancellationToken))[0]);
    }

    private async Task<int> CreateForAsync(LoadedSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var absent = session.Patients.Where(p => p.Attendance.Status == AttendanceStatus.Absent).ToList();
        var tasks = new List<FollowUpTask>();
        if (absent.Count > 0)
        {
            // The group's earlier sessions, newest first, to count misses in a row (this one included).
            var earlier = await loader.LoadAsync(session.Session.ClinicId, db.Sessions
                .Where(s => s.GroupId == session.Session.GroupId && s.ScheduledStart < session.Session.ScheduledStart)
                .OrderByDescending(s => s.ScheduledStart).Take(20), cancellationToken);
            foreach (var patient in absent)
            {
                var misses = 1;
                foreach (var before in earlier.OrderByDescending(s => s.Session.ScheduledStart))
                {
                    var there = before.Patients.FirstOrDefault(p => p.Profile.Id == patient.Profile.Id);
                    if (there is null)
                    {
                        continue;
                    }

                    if (there.Attendance.Status != AttendanceStatus.Absent)
                    {
                        break;
                    }

                    misses++;
                }

                tasks.Add(new FollowUpTask(Guid.NewGuid(), session.Session.ClinicId, session.Session.GroupId, session.Session.Id, patient.Profile.UserId,
                    misses, session.EscalateAfterMisses, now));
            }
        }

        db.FollowUpTasks.AddRange(tasks);
        db.FollowUpRuns.Add(new FollowUpRun { SessionId = session.Session.Id, At = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return tasks.Count;
        }
        catch (DbUpdateException)
        {
            // Another node processed this session first.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private async Task<List<FollowUpDto>> ToDtosAsync(List<FollowUpTask> tasks, CancellationToken cancellationToken)
    {
        var sessionIds = tasks.Select(t => t.SessionId).Distinct().ToList();
        var groupIds = tasks.Select(t => t.GroupId).Distinct().ToList();
        var userIds = tasks.Select(t => t.PatientUserId).Concat(tasks.SelectMany(t => t.Contacts.Select(c => c.ByUserId))).Distinct().ToList();
        var dates = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.LocalDate, cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var patients = await db.Patients.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var staff = await db.Staff.AsNoTracking().Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, s => s.DisplayName, cancellationToken);
        return [.. tasks.Select(t => new FollowUpDto(t.Id, t.SessionId, dates.GetValueOrDefault(t.SessionId), t.GroupId, groups.GetValueOrDefault(t.GroupId, "?"),
            patients.TryGetValue(t.PatientUserId, out var p) ? p.Id : Guid.Empty, p?.LegalName ?? "?", t.ConsecutiveMisses, t.Escalated,
            t.Status == FollowUpStatus.Open ? "open" : "closed", t.Outcome, t.CreatedAt,
            [.. t.Contacts.OrderBy(c => c.At).Select(c => new ContactDto(c.Method, c.Note, staff.GetValueOrDefault(c.ByUserId, "?"), c.At))]))];
    }
}
