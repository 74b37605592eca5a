using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Persistence;
using IopTelehealth.Server.ClinicApi;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Attendance;

/// <summary>The therapist's session roster: view during and after the session, excuse absences, sign off; later changes are amendments.</summary>
internal sealed class RosterService(IopDbContext db, AttendanceAccess access, SessionAttendanceLoader loader, IAttendanceLog ledger, TimeProvider clock)
{
    public async Task<ApiResult<SessionRosterDto>> GetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var (status, loaded) = await LoadAsync(sessionId, ClinicAccess.Read, cancellationToken);
        if (loaded is null)
        {
            return status == AccessOutcome.Forbidden ? ApiResult<SessionRosterDto>.Forbidden() : ApiResult<SessionRosterDto>.NotFound();
        }

        var locations = await ledger.AttestedLocationsAsync(new SessionId(sessionId), cancellationToken);
        var signOff = await db.AttendanceSignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.SessionId == sessionId, cancellationToken);
        var amendments = await db.AttendanceAmendments.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.At).ToListAsync(cancellationToken);
        var names = await StaffNamesAsync([.. amendments.Select(a => a.ByUserId), .. signOff is null ? Array.Empty<Guid>() : [signOff.ByUserId]], cancellationToken);
        var byUser = loaded.Patients.ToDictionary(p => p.Profile.UserId, p => p.Profile.Id);

        await access.AuditReadAsync("attendance-session", sessionId, null, cancellationToken);
        var session = loaded.Session;
        return ApiResult<SessionRosterDto>.Ok(new SessionRosterDto(session.Id, session.GroupId, loaded.Group.Name, session.Topic, session.LocalDate,
            session.ScheduledStart, session.ScheduledEnd, loaded.Ended, loaded.ParticipantCount,
            signOff is null ? null : new SignOffDto(names.GetValueOrDefault(signOff.ByUserId, "?"), signOff.At),
            [.. loaded.Patients.Select(p => new RosterEntryDto(p.Profile.Id, p.Profile.LegalName, p.Profile.DisplayAlias, AttendanceNames.Of(p.Attendance.Status),
                p.Attendance.Minutes, p.Attendance.FirstJoin, p.Attendance.LastLeave, p.Attendance.StillPresent, p.Attendance.Late, p.Attendance.LeftEarly,
                [.. p.Attendance.Modes.Select(AttendanceNames.Of)], locations.GetValueOrDefault(p.Profile.UserId),
                p.Excuse is not null, p.Excuse?.Reason, AttendanceNames.Flags(p.Attendance, loaded.Intervals)))],
            [.. amendments.Select(a => new AmendmentDto(byUser.GetValueOrDefault(a.PatientUserId), a.Kind, a.Reason, names.GetValueOrDefault(a.ByUserId, "?"), a.At))]));
    }

    public async Task<ApiResult<SessionRosterDto>> SetExcuseAsync(Guid sessionId, Guid patientId, ExcuseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (status, loaded) = await LoadAsync(sessionId, ClinicAccess.Write, cancellationToken);
        if (loaded is null)
        {
            return status == AccessOutcome.Forbidden ? ApiResult<SessionRosterDto>.Forbidden() : ApiResult<SessionRosterDto>.NotFound();
        }

        var patient = loaded.Patients.FirstOrDefault(p => p.Profile.Id == patientId);
        if (patient is null)
        {
            return ApiResult<SessionRosterDto>.NotFound();
        }

        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > AttendanceExcuse.ReasonMaxLength)
        {
            return ApiResult<SessionRosterDto>.Invalid(nameof(ExcuseInput.Reason), $"Reason is required (at most {AttendanceExcuse.ReasonMaxLength} characters).");
        }

        var caller = (await access.ForGroupAsync(loaded.Group.Id, ClinicAccess.Write, cancellationToken)).Caller!;
        var now = clock.GetUtcNow();
        var signedOff = await db.AttendanceSignOffs.AnyAsync(s => s.SessionId == sessionId, cancellationToken);
        var row = await db.AttendanceExcuses.SingleOrDefaultAsync(e => e.SessionId == sessionId && e.PatientUserId == patient.Profile.UserId, cancellationToken);
        if ((row?.Excused ?? false) == input.Excused)
        {
            return ApiResult<SessionRosterDto>.Conflict(input.Excused ? "This absence is already excused." : "This absence is not excused.");
        }

        if (row is null)
        {
            db.AttendanceExcuses.Add(new AttendanceExcuse(sessionId, patient.Profile.UserId, reason, caller.UserId, now));
        }
        else
        {
            row.Change(input.Excused, reason, caller.UserId, now);
        }

        if (signedOff)
        {
            db.AttendanceAmendments.Add(new AttendanceAmendment(Guid.NewGuid(), sessionId, patient.Profile.UserId, input.Excused ? "excused" : "unexcused",
                reason, caller.UserId, now));
        }

        if (input.Excused)
        {
            // An excused absence needs no outreach: its open follow-up closes with the reason.
            var task = await db.FollowUpTasks.SingleOrDefaultAsync(t => t.SessionId == sessionId && t.PatientUserId == patient.Profile.UserId
                && t.Status == FollowUpStatus.Open, cancellationToken);
            task?.Close("Excused: " + reason, caller.UserId, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await access.AuditChangeAsync("attendance-session", sessionId, (signedOff ? "amendment:" : "") + (input.Excused ? "excused" : "unexcused"), cancellationToken);
        return await GetAsync(sessionId, cancellationToken);
    }

    public async Task<ApiResult<SessionRosterDto>> SignOffAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var (status, loaded) = await LoadAsync(sessionId, ClinicAccess.Write, cancellationToken);
        if (loaded is null)
        {
            return status == AccessOutcome.Forbidden ? ApiResult<SessionRosterDto>.Forbidden() : ApiResult<SessionRosterDto>.NotFound();
        }

        if (!loaded.Ended)
        {
            return ApiResult<SessionRosterDto>.Conflict("The session has not ended yet; sign off its attendance afterwards.");
        }

        var caller = (await access.ForGroupAsync(loaded.Group.Id, ClinicAccess.Write, cancellationToken)).Caller!;
        db.AttendanceSignOffs.Add(new SessionSignOff(sessionId, caller.UserId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ApiResult<SessionRosterDto>.Conflict("This session's attendance is already signed off.");
        }

        await access.AuditChangeAsync("attendance-session", sessionId, "signed-off", cancellationToken);
        return await GetAsync(sessionId, cancellationToken);
    }

    private async Task<(AccessOutcome, LoadedSession?)> LoadAsync(Guid sessionId, ClinicAccess clinicAccess, CancellationToken cancellationToken)
    {
        var groupId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (Guid?)s.GroupId).SingleOrDefaultAsync(cancellationToken);
        if (groupId is null)
        {
            return (AccessOutcome.NotFound, null);
        }

        var (outcome, caller, _) = await access.ForGroupAsync(groupId.Value, clinicAccess, cancellationToken);
        if (outcome != AccessOutcome.Allowed)
        {
            return (outcome, null);
        }

        var loaded = await loader.LoadAsync(caller!.ClinicId, db.Sessions.Where(s => s.Id == sessionId), cancellationToken);
        return (loaded.Count == 0 ? AccessOutcome.NotFound : AccessOutcome.Allowed, loaded.Count == 0 ? null : loaded[0]);
    }

    private async Task<Dictionary<Guid, string>> StaffNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? [] : await db.Staff.AsNoTracking().Where(s => userIds.Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId, s => s.DisplayName, cancellationToken);
}
