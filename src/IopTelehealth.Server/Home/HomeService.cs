using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence;
using IopTelehealth.Server.ClinicApi;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Home;

/// <summary>
/// What a signed-in user sees first: a patient their groups and next sessions, a clinician today's sessions.
/// Every query is scoped by the caller's clinic; "today" is the clinic's date, not the server's.
/// </summary>
internal sealed class HomeService(IopDbContext db, IHttpContextAccessor http, TimeProvider clock) : IHomeApi
{
    /// <summary>How far ahead a patient's list reaches: two weeks covers the next 6-10 IOP sessions.</summary>
    public static readonly TimeSpan PatientHorizon = TimeSpan.FromDays(14);

    public async Task<ApiResult<PatientHomeDto>> GetPatientHomeAsync(CancellationToken cancellationToken = default)
    {
        var caller = CurrentCaller.From(http.HttpContext?.User);
        if (caller is null || !caller.IsInRole(Roles.Patient))
        {
            return ApiResult<PatientHomeDto>.Forbidden();
        }

        var patient = await db.Patients.AsNoTracking()
            .SingleOrDefaultAsync(p => p.UserId == caller.UserId && p.ClinicId == caller.ClinicId, cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caller.ClinicId, cancellationToken);
        if (patient is null || clinic is null)
        {
            return ApiResult<PatientHomeDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = ClinicDate(now, clinic);
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.PatientId == patient.Id && e.ClinicId == caller.ClinicId)
            .ToListAsync(cancellationToken);
        var groupIds = enrollments.Select(e => e.GroupId).Distinct().ToList();
        var horizon = now + PatientHorizon;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ClinicId == caller.ClinicId && groupIds.Contains(s.GroupId) && s.Status != GroupSessionStatus.Cancelled
                && s.ScheduledEnd > now && s.ScheduledStart < horizon)
            .OrderBy(s => s.ScheduledStart)
            .ToListAsync(cancellationToken);

        // A session counts only when an enrollment in its group covers its date: a patient who steps down next week
        // must not be told to come to the week after.
        var upcoming = sessions.Where(s => enrollments.Any(e => e.GroupId == s.GroupId && e.IsActiveOn(s.LocalDate))).ToList();
        var currentGroups = enrollments.Where(e => e.IsActiveOn(today)).Select(e => e.GroupId).Distinct().ToList();
        var groups = await GroupSummariesAsync(caller.ClinicId, currentGroups, cancellationToken);
        var names = await GroupNamesAsync(caller.ClinicId, upcoming.Select(s => s.GroupId), cancellationToken);

        return ApiResult<PatientHomeDto>.Ok(new PatientHomeDto(patient.DisplayAlias, clinic.Name, clinic.TimeZoneId, groups,
            [.. upcoming.Select(s => ToDto(s, names, clinic.TimeZoneId))]));
    }

    public async Task<ApiResult<TherapistHomeDto>> GetTherapistHomeAsync(CancellationToken cancellationToken = default)
    {
        var caller = CurrentCaller.From(http.HttpContext?.User);
        if (caller is null || !caller.IsInAnyRole(Roles.Therapist, Roles.Staff, Roles.Admin))
        {
            return ApiResult<TherapistHomeDto>.Forbidden();
        }

        var staff = await db.Staff.AsNoTracking()
            .SingleOrDefaultAsync(s => s.UserId == caller.UserId && s.ClinicId == caller.ClinicId, cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caller.ClinicId, cancellationToken);
        if (staff is null || clinic is null)
        {
            return ApiResult<TherapistHomeDto>.NotFound();
        }

        // Staff and admins run the whole clinic's day; a therapist sees the groups they lead.
        var clinicWide = caller.IsInAnyRole(Roles.Staff, Roles.Admin);
        var groupIds = await db.Groups.AsNoTracking()
            .Where(g => g.ClinicId == caller.ClinicId && (clinicWide || g.Therapists.Any(t => t.StaffId == staff.Id)))
            .Select(g => g.Id)
            .ToListAsync(cancellationToken);

        var today = ClinicDate(clock.GetUtcNow(), clinic);
        var (dayStart, dayEnd) = ClinicDayBounds(today, clinic.TimeZone);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ClinicId == caller.ClinicId && groupIds.Contains(s.GroupId) && s.ScheduledStart >= dayStart && s.ScheduledStart < dayEnd)
            .OrderBy(s => s.ScheduledStart)
            .ToListAsync(cancellationToken);
        var groups = await GroupSummariesAsync(caller.ClinicId, groupIds, cancellationToken);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);

        return ApiResult<TherapistHomeDto>.Ok(new TherapistHomeDto(staff.DisplayName, clinic.Name, clinic.TimeZoneId, today,
            [.. sessions.Select(s => ToDto(s, names, clinic.TimeZoneId))], groups));
    }

    private async Task<IReadOnlyList<GroupSummaryDto>> GroupSummariesAsync(Guid clinicId, IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.ClinicId == clinicId && groupIds.Contains(g.Id))
            .OrderBy(g => g.Name)
            .ToListAsync(cancellationToken);
        var programIds = groups.Select(g => g.ProgramId).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking()
            .Where(p => p.ClinicId == clinicId && programIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var staffIds = groups.SelectMany(g => g.Therapists.Select(t => t.StaffId)).Distinct().ToList();
        var therapists = await db.Staff.AsNoTracking()
            .Where(s => s.ClinicId == clinicId && staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);

        return [.. groups.Select(g => new GroupSummaryDto(g.Id, g.Name, programs.GetValueOrDefault(g.ProgramId, ""),
            [.. g.Therapists.Select(t => therapists.GetValueOrDefault(t.StaffId)).OfType<string>().Order(StringComparer.Ordinal)]))];
    }

    private async Task<Dictionary<Guid, string>> GroupNamesAsync(Guid clinicId, IEnumerable<Guid> groupIds, CancellationToken cancellationToken)
    {
        var ids = groupIds.Distinct().ToList();
        return await db.Groups.AsNoTracking()
            .Where(g => g.ClinicId == clinicId && ids.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
    }

    private static SessionDto ToDto(GroupSession session, IReadOnlyDictionary<Guid, string> groupNames, string timeZoneId) =>
        new(session.Id, session.GroupId, groupNames.GetValueOrDefault(session.GroupId, ""), session.LocalDate, session.ScheduledStart,
            session.ScheduledEnd, timeZoneId, session.Topic, session.Status == GroupSessionStatus.Cancelled ? "cancelled" : "scheduled");

    private static DateOnly ClinicDate(DateTimeOffset instant, Clinic clinic) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, clinic.TimeZone).DateTime);

    /// <summary>The instants at which the clinic's day begins and ends (23 or 25 hours apart on DST change days).</summary>
    internal static (DateTimeOffset Start, DateTimeOffset End) ClinicDayBounds(DateOnly day, TimeZoneInfo zone) =>
        (LocalMidnight(day, zone), LocalMidnight(day.AddDays(1), zone));

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Some zones skip midnight on DST days (e.g. America/Santiago); the day then starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
