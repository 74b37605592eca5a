using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Persistence;
using IopTelehealth.Server.ClinicApi;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Attendance;

/// <summary>Patient weeks (compliance), the group dashboard and the billing export; every call leaves a PHI-access audit row.</summary>
internal sealed class AttendanceReports(IopDbContext db, ClinicScope scope, AttendanceAccess access, SessionAttendanceLoader loader, TimeProvider clock)
{
    public const int MaxWeeks = 52;
    public const int MaxExportDays = 92;

    /// <summary>A patient's last <paramref name="weeks"/> weeks, for clinic staff and the therapists of the patient's groups.</summary>
    public async Task<ApiResult<PatientWeeksDto>> PatientWeeksAsync(Guid patientId, int weeks, CancellationToken cancellationToken)
    {
        if (await scope.AuthorizeAsync(ClinicResource.Attendance, ClinicAccess.Read, patientId, cancellationToken) is not { } caller)
        {
            return ApiResult<PatientWeeksDto>.Forbidden();
        }

        var patient = await scope.FindAsync(caller, db.Patients.AsNoTracking(), patientId, "patient", cancellationToken);
        if (patient is null)
        {
            return ApiResult<PatientWeeksDto>.NotFound();
        }

        var groups = await db.Enrollments.Where(e => e.PatientId == patientId).Select(e => e.GroupId).Distinct().ToListAsync(cancellationToken);
        var allowed = false;
        foreach (var group in groups)
        {
            allowed = allowed || await access.LeadsOrOfficeAsync(caller, group, cancellationToken);
        }

        if (!allowed && !caller.IsInAnyRole(Domain.Roles.Admin, Domain.Roles.Staff))
        {
            await scope.AuditAsync(Domain.Audit.AuditActions.Forbidden, "attendance-week", patientId, "not-group-therapist", cancellationToken);
            return ApiResult<PatientWeeksDto>.Forbidden();
        }

        return await WeeksAsync(caller, patient, weeks, includeLegalName: true, cancellationToken);
    }

    /// <summary>The signed-in patient's own weeks (alias only).</summary>
    public async Task<ApiResult<PatientWeeksDto>> OwnWeeksAsync(int weeks, CancellationToken cancellationToken)
    {
        if (await scope.AuthorizeAsync(ClinicResource.OwnAttendance, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<PatientWeeksDto>.Forbidden();
        }

        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == caller.UserId && p.ClinicId == caller.ClinicId, cancellationToken);
        return patient is null ? ApiResult<PatientWeeksDto>.NotFound() : await WeeksAsync(caller, patient, weeks, includeLegalName: false, cancellationToken);
    }

    public async Task<ApiResult<GroupDashboardDto>> GroupDashboardAsync(Guid groupId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var (outcome, caller, group) = await access.ForGroupAsync(groupId, ClinicAccess.Read, cancellationToken);
        if (outcome != AccessOutcome.Allowed)
        {
            return outcome == AccessOutcome.Forbidden ? ApiResult<GroupDashboardDto>.Forbidden() : ApiResult<GroupDashboardDto>.NotFound();
        }

        var zone = await ZoneAsync(caller!.ClinicId, cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var last = to ?? today;
        var first = from ?? ClinicWeek.Containing(last, zone).Monday.AddDays(-7 * 7);
        if (last < first || last.DayNumber - first.DayNumber > 366)
        {
            return ApiResult<GroupDashboardDto>.Invalid("to", "The range must run forward and span at most a year.");
        }

        var now = clock.GetUtcNow();
        var sessions = (await loader.LoadAsync(caller.ClinicId, db.Sessions.Where(s => s.GroupId == groupId && s.LocalDate >= first && s.LocalDate <= last), cancellationToken))
            .Where(s => s.Session.ScheduledStart <= now).ToList();
        var rates = sessions.Select(s =>
        {
            var expected = s.Patients.Count(p => p.Attendance.Status != AttendanceStatus.Excused);
            var attended = s.ParticipantCount;
            return new SessionRateDto(s.Session.Id, s.Session.LocalDate, s.Session.Topic, expected, attended, Rate(attended, expected));
        }).ToList();
        var byWeek = rates.ToLookup(r => ClinicWeek.Containing(r.LocalDate, zone).Monday);
        var weeks = new List<WeekRateDto>();
        // Up to this week: a later week has no session that started yet, which is not "no sessions".
        var lastMonday = ClinicWeek.Containing(last < today ? last : today, zone).Monday;
        for (var monday = ClinicWeek.Containing(first, zone).Monday; monday <= lastMonday; monday = monday.AddDays(7))
        {
            var week = byWeek[monday].ToList();
            var (expected, attended) = (week.Sum(r => r.Expected), week.Sum(r => r.Attended));
            weeks.Add(new WeekRateDto(monday, week.Count, expected, attended, Rate(attended, expected)));
        }

        await access.AuditReadAsync("attendance-group", groupId, $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}", cancellationToken);
        return ApiResult<GroupDashboardDto>.Ok(new GroupDashboardDto(groupId, group!.Name, rates, weeks));
    }

    /// <summary>The billing CSV for sessions whose local date is in [from, to] (at most <see cref="MaxExportDays"/> days).</summary>
    public async Task<ApiResult<string>> ExportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (await scope.AuthorizeAsync(ClinicResource.AttendanceExport, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<string>.Forbidden();
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxExportDays)
        {
            return ApiResult<string>.Invalid("to", $"The range must run forward and span at most {MaxExportDays} days.");
        }

        var sessions = await loader.LoadAsync(caller.ClinicId, db.Sessions.Where(s => s.LocalDate >= from && s.LocalDate <= to), cancellationToken);
        var csv = BillingCsv.Write(BillingCsv.Rows(sessions.Where(s => s.Ended)));
        await access.AuditReadAsync("attendance-export", null, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", cancellationToken);
        return ApiResult<string>.Ok(csv);
    }

    private async Task<ApiResult<PatientWeeksDto>> WeeksAsync(CurrentCaller caller, PatientProfile patient, int weeks, bool includeLegalName,
        CancellationToken cancellationToken)
    {
        if (weeks is < 1 or > MaxWeeks)
        {
            return ApiResult<PatientWeeksDto>.Invalid("weeks", $"weeks must be between 1 and {MaxWeeks}.");
        }

        var clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == caller.ClinicId, cancellationToken);
        var zone = clinic.TimeZone;
        var now = clock.GetUtcNow();
        var current = ClinicWeek.Containing(now, zone);
        var first = current.Monday.AddDays(-7 * (weeks - 1));
        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PatientId == patient.Id).ToListAsync(cancellationToken);
        var groupIds = enrollments.Select(e => e.GroupId).Distinct().ToList();
        var loaded = (await loader.LoadAsync(caller.ClinicId,
                db.Sessions.Where(s => groupIds.Contains(s.GroupId) && s.LocalDate >= first && s.LocalDate <= current.Sunday), cancellationToken))
            .Where(s => s.Patients.Any(p => p.Profile.Id == patient.Id))
            .ToList();

        // The rules of the program the patient is in now (the latest enrollment's group).
        var latest = enrollments.OrderByDescending(e => e.StartDate).FirstOrDefault();
        var program = latest is null ? new ProgramSettings()
            : await db.Groups.Where(g => g.Id == latest.GroupId).Join(db.Programs, g => g.ProgramId, p => p.Id, (_, p) => p)
                .Select(p => new ProgramSettings(p.RequiredMinutesPerWeek, p.MinimumMinutesPerDay, p.MaxGroupSize, p.LateArrivalMinutes, p.EarlyLeaveMinutes))
                .SingleAsync(cancellationToken);

        var result = new List<WeekDto>();
        for (var monday = first; monday <= current.Monday; monday = monday.AddDays(7))
        {
            var week = ClinicWeek.Containing(monday, zone);
            var inWeek = loaded.Where(s => week.Contains(s.Session.LocalDate)).ToList();
            var compliance = WeeklyCompliance.Compute(week, program, [.. inWeek.Select(s => s.Window)],
                [.. inWeek.Select(s => s.Patients.Single(p => p.Profile.Id == patient.Id).Attendance)], now);
            result.Add(new WeekDto(monday, compliance.MinutesAttended, compliance.RequiredMinutes, compliance.DaysMeetingMinimum,
                compliance.RemainingScheduledMinutes, compliance.MeetsRequirement, compliance.CannotReachRequirement,
                [.. compliance.Days.Select(d => new DayDto(d.Date, d.Minutes, d.MeetsDailyMinimum))]));
        }

        await access.AuditReadAsync("attendance-week", patient.Id, $"weeks:{weeks}", cancellationToken);
        return ApiResult<PatientWeeksDto>.Ok(new PatientWeeksDto(patient.Id, patient.DisplayAlias, includeLegalName ? patient.LegalName : null, clinic.TimeZoneId,
            program.RequiredMinutesPerWeek, program.MinimumMinutesPerDay, result));
    }

    private async Task<TimeZoneInfo> ZoneAsync(Guid clinicId, CancellationToken cancellationToken) =>
        (await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == clinicId, cancellationToken)).TimeZone;

    private static double Rate(int attended, int expected) => expected == 0 ? 0 : Math.Round((double)attended / expected, 4);
}
