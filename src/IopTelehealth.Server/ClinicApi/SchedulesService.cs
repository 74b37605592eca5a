using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>Schedules and the sessions they generate: every change of a rule is reconciled into the group's sessions in the same save.</summary>
internal sealed class SchedulesService(IopDbContext db, ClinicScope scope, TimeProvider clock) : ISchedulesApi
{
    private static readonly ClinicResource Resource = ClinicResource.Schedules;

    public async Task<ApiResult<IReadOnlyList<ScheduleDto>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<ScheduleDto>>.Forbidden();
        }

        var schedules = await db.Schedules.AsNoTracking().Where(s => s.ClinicId == caller.ClinicId).ToListAsync(cancellationToken);
        var dtos = await ToDtosAsync(caller.ClinicId, schedules, cancellationToken);
        return ApiResult<IReadOnlyList<ScheduleDto>>.Ok([.. dtos.OrderBy(s => s.GroupName, StringComparer.Ordinal).ThenBy(s => s.StartDate).ThenBy(s => s.StartTime)]);
    }

    public async Task<ApiResult<ScheduleDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, id, cancellationToken) is not { } caller)
        {
            return ApiResult<ScheduleDto>.Forbidden();
        }

        var schedule = await scope.FindAsync(caller, db.Schedules.AsNoTracking(), id, Resource.Name, cancellationToken);
        return schedule is null ? ApiResult<ScheduleDto>.NotFound() : ApiResult<ScheduleDto>.Ok((await ToDtosAsync(caller.ClinicId, [schedule], cancellationToken))[0]);
    }

    public async Task<ApiResult<ScheduleDto>> CreateAsync(ScheduleInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, null, cancellationToken) is not { } caller)
        {
            return ApiResult<ScheduleDto>.Forbidden();
        }

        if (Check(input) is { } invalid)
        {
            return invalid;
        }

        var group = await scope.FindAsync(caller, db.Groups.AsNoTracking(), input.GroupId!.Value, ClinicResource.Groups.Name, cancellationToken);
        if (group is null)
        {
            return ApiResult<ScheduleDto>.Invalid(nameof(ScheduleInput.GroupId), "No such group in this clinic.");
        }

        Schedule schedule;
        try
        {
            schedule = new Schedule(Guid.NewGuid(), caller.ClinicId, group.Id, await RuleOfAsync(caller, input, cancellationToken), input.Topics);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<ScheduleDto>(e);
        }

        db.Schedules.Add(schedule);
        SessionPlan.Apply(db, schedule, [], clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordCreated, Resource.Name, schedule.Id, null, cancellationToken);
        return ApiResult<ScheduleDto>.Ok((await ToDtosAsync(caller.ClinicId, [schedule], cancellationToken))[0]);
    }

    public async Task<ApiResult<ScheduleDto>> UpdateAsync(Guid id, ScheduleInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<ScheduleDto>.Forbidden();
        }

        var schedule = await scope.FindAsync(caller, db.Schedules, id, Resource.Name, cancellationToken);
        if (schedule is null)
        {
            return ApiResult<ScheduleDto>.NotFound();
        }

        if (Check(input) is { } invalid)
        {
            return invalid;
        }

        if (input.GroupId != schedule.GroupId)
        {
            // The sessions already held belong to the old group's attendance; a schedule for another group is a new schedule.
            return ApiResult<ScheduleDto>.Invalid(nameof(ScheduleInput.GroupId), "A schedule cannot move to another group; create a new schedule instead.");
        }

        try
        {
            schedule.Change(await RuleOfAsync(caller, input, cancellationToken), input.Topics);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<ScheduleDto>(e);
        }

        var existing = await db.Sessions.Where(s => s.ScheduleId == id).ToListAsync(cancellationToken);
        SessionPlan.Apply(db, schedule, existing, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordUpdated, Resource.Name, id, null, cancellationToken);
        return ApiResult<ScheduleDto>.Ok((await ToDtosAsync(caller.ClinicId, [schedule], cancellationToken))[0]);
    }

    /// <summary>Future sessions go with the schedule; sessions that have started stay as one-offs (their attendance is billing history).</summary>
    public async Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        var schedule = await scope.FindAsync(caller, db.Schedules, id, Resource.Name, cancellationToken);
        if (schedule is null)
        {
            return ApiResult<bool>.NotFound();
        }

        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.Where(s => s.ScheduleId == id).ToListAsync(cancellationToken);
        db.Sessions.RemoveRange(sessions.Where(s => s.ScheduledStart > now));
        db.Schedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordDeleted, Resource.Name, id, null, cancellationToken);
        return ApiResult<bool>.Ok(true);
    }

    private static ApiResult<ScheduleDto>? Check(ScheduleInput input)
    {
        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<ScheduleDto>.Invalid(errors);
        }

        return input.Days.All(Enum.IsDefined) ? null : ApiResult<ScheduleDto>.Invalid(nameof(ScheduleInput.Days), "Days must be days of the week.");
    }

    private async Task<ScheduleRule> RuleOfAsync(CurrentCaller caller, ScheduleInput input, CancellationToken cancellationToken)
    {
        var zone = string.IsNullOrWhiteSpace(input.TimeZoneId)
            ? await db.Clinics.Where(c => c.Id == caller.ClinicId).Select(c => c.TimeZoneId).SingleAsync(cancellationToken)
            : input.TimeZoneId;
        return new ScheduleRule(WeekDaysExtensions.FromDays(input.Days), input.StartTime!.Value, input.DurationMinutes, zone,
            input.StartDate!.Value, input.EndDate!.Value);
    }

    private async Task<IReadOnlyList<ScheduleDto>> ToDtosAsync(Guid clinicId, IReadOnlyList<Schedule> schedules, CancellationToken cancellationToken)
    {
        var ids = schedules.Select(s => s.Id).ToList();
        var now = clock.GetUtcNow();
        var groups = await db.Groups.Where(g => g.ClinicId == clinicId).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var upcoming = await db.Sessions
            .Where(s => s.ScheduleId != null && ids.Contains(s.ScheduleId.Value) && s.ScheduledStart > now && s.Status == GroupSessionStatus.Scheduled)
            .GroupBy(s => s.ScheduleId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. schedules.Select(s => new ScheduleDto(s.Id, s.GroupId, groups.GetValueOrDefault(s.GroupId, ""), s.Days.ToDays(), s.StartTime,
            s.DurationMinutes, s.TimeZoneId, s.StartDate, s.EndDate, s.Topics, upcoming.GetValueOrDefault(s.Id)))];
    }
}
