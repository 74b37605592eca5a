using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

internal sealed class GroupsService(IopDbContext db, ClinicScope scope, TimeProvider clock) : IGroupsApi
{
    private const int MaxSessionListDays = 366;
    private static readonly ClinicResource Resource = ClinicResource.Groups;

    public async Task<ApiResult<IReadOnlyList<GroupDto>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<GroupDto>>.Forbidden();
        }

        var groups = await db.Groups.AsNoTracking().Where(g => g.ClinicId == caller.ClinicId).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        return ApiResult<IReadOnlyList<GroupDto>>.Ok(await ToDtosAsync(caller.ClinicId, groups, cancellationToken));
    }

    public async Task<ApiResult<GroupDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, id, cancellationToken) is not { } caller)
        {
            return ApiResult<GroupDto>.Forbidden();
        }

        var group = await scope.FindAsync(caller, db.Groups.AsNoTracking(), id, Resource.Name, cancellationToken);
        return group is null ? ApiResult<GroupDto>.NotFound() : ApiResult<GroupDto>.Ok((await ToDtosAsync(caller.ClinicId, [group], cancellationToken))[0]);
    }

    public async Task<ApiResult<GroupDto>> CreateAsync(GroupInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, null, cancellationToken) is not { } caller)
        {
            return ApiResult<GroupDto>.Forbidden();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<GroupDto>.Invalid(errors);
        }

        var program = await FindProgramAsync(caller, input.ProgramId!.Value, cancellationToken);
        if (program is null)
        {
            return ApiResult<GroupDto>.Invalid(nameof(GroupInput.ProgramId), "No such program in this clinic.");
        }

        if (await CheckTherapistsAsync(caller, input.TherapistIds, cancellationToken) is { } therapistError)
        {
            return therapistError;
        }

        TherapyGroup group;
        try
        {
            group = new TherapyGroup(Guid.NewGuid(), caller.ClinicId, program.Id, input.Name, input.Capacity, program.MaxGroupSize);
            group.AssignTherapists(input.TherapistIds);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<GroupDto>(e);
        }

        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordCreated, Resource.Name, group.Id, null, cancellationToken);
        return ApiResult<GroupDto>.Ok((await ToDtosAsync(caller.ClinicId, [group], cancellationToken))[0]);
    }

    public async Task<ApiResult<GroupDto>> UpdateAsync(Guid id, GroupInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<GroupDto>.Forbidden();
        }

        var group = await scope.FindAsync(caller, db.Groups, id, Resource.Name, cancellationToken);
        if (group is null)
        {
            return ApiResult<GroupDto>.NotFound();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<GroupDto>.Invalid(errors);
        }

        if (input.ProgramId != group.ProgramId)
        {
            // Sessions, enrollments and attendance were counted under the old program's rules; a new group keeps that history honest.
            return ApiResult<GroupDto>.Invalid(nameof(GroupInput.ProgramId), "A group cannot move to another program; create a new group instead.");
        }

        if (await CheckTherapistsAsync(caller, input.TherapistIds, cancellationToken) is { } therapistError)
        {
            return therapistError;
        }

        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == group.ProgramId, cancellationToken);
        var active = await db.Enrollments.CountAsync(e => e.GroupId == id && e.Status == EnrollmentStatus.Active, cancellationToken);
        if (input.Capacity < active)
        {
            return ApiResult<GroupDto>.Invalid(nameof(GroupInput.Capacity), $"Capacity must be at least {active}: the group has that many active enrollments.");
        }

        try
        {
            group.Rename(input.Name);
            group.ChangeCapacity(input.Capacity, program.MaxGroupSize);
            group.AssignTherapists(input.TherapistIds);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<GroupDto>(e);
        }

        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordUpdated, Resource.Name, id, null, cancellationToken);
        return ApiResult<GroupDto>.Ok((await ToDtosAsync(caller.ClinicId, [group], cancellationToken))[0]);
    }

    public async Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        var group = await scope.FindAsync(caller, db.Groups, id, Resource.Name, cancellationToken);
        if (group is null)
        {
            return ApiResult<bool>.NotFound();
        }

        var now = clock.GetUtcNow();
        if (await db.Enrollments.AnyAsync(e => e.GroupId == id, cancellationToken))
        {
            return ApiResult<bool>.Conflict("The group has enrollments; end and remove them first.");
        }

        if (await db.Sessions.AnyAsync(s => s.GroupId == id && s.ScheduledStart <= now, cancellationToken))
        {
            return ApiResult<bool>.Conflict("The group has sessions that already took place; they are attendance history.");
        }

        db.Sessions.RemoveRange(await db.Sessions.Where(s => s.GroupId == id).ToListAsync(cancellationToken));
        db.Schedules.RemoveRange(await db.Schedules.Where(s => s.GroupId == id).ToListAsync(cancellationToken));
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordDeleted, Resource.Name, id, null, cancellationToken);
        return ApiResult<bool>.Ok(true);
    }

    public async Task<ApiResult<IReadOnlyList<SessionDto>>> ListSessionsAsync(Guid groupId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, groupId, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<SessionDto>>.Forbidden();
        }

        var group = await scope.FindAsync(caller, db.Groups.AsNoTracking(), groupId, Resource.Name, cancellationToken);
        if (group is null)
        {
            return ApiResult<IReadOnlyList<SessionDto>>.NotFound();
        }

        if (to < from || to.DayNumber - from.DayNumber > MaxSessionListDays)
        {
            return ApiResult<IReadOnlyList<SessionDto>>.Invalid("to", $"'to' must be on or after 'from' and at most {MaxSessionListDays} days later.");
        }

        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.GroupId == groupId && s.LocalDate >= from && s.LocalDate <= to)
            .OrderBy(s => s.LocalDate).ToListAsync(cancellationToken);
        var zones = await db.Schedules.AsNoTracking().Where(s => s.GroupId == groupId).ToDictionaryAsync(s => s.Id, s => s.TimeZoneId, cancellationToken);
        var clinicZone = await db.Clinics.Where(c => c.Id == caller.ClinicId).Select(c => c.TimeZoneId).SingleAsync(cancellationToken);
        return ApiResult<IReadOnlyList<SessionDto>>.Ok([.. sessions.OrderBy(s => s.ScheduledStart).Select(s => ToDto(s, group.Name,
            s.ScheduleId is { } scheduleId && zones.TryGetValue(scheduleId, out var zone) ? zone : clinicZone))]);
    }

    private async Task<IopProgram?> FindProgramAsync(CurrentCaller caller, Guid programId, CancellationToken cancellationToken) =>
        await scope.FindAsync(caller, db.Programs.AsNoTracking(), programId, ClinicResource.Programs.Name, cancellationToken);

    /// <summary>Every therapist id must name a staff profile of this clinic whose account has the therapist role.</summary>
    private async Task<ApiResult<GroupDto>?> CheckTherapistsAsync(CurrentCaller caller, List<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var therapists = await db.Staff.Where(s => s.ClinicId == caller.ClinicId && wanted.Contains(s.Id))
            .Where(s => db.UserRoles.Any(ur => ur.UserId == s.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Therapist)))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var unknown = wanted.Except(therapists).ToList();
        foreach (var id in unknown)
        {
            await scope.AuditIfElsewhereAsync<Domain.People.StaffProfile>(id, ClinicResource.Staff.Name, cancellationToken);
        }

        return unknown.Count == 0
            ? null
            : ApiResult<GroupDto>.Invalid(nameof(GroupInput.TherapistIds), "Every therapist must be a staff member of this clinic with the therapist role.");
    }

    private async Task<IReadOnlyList<GroupDto>> ToDtosAsync(Guid clinicId, IReadOnlyList<TherapyGroup> groups, CancellationToken cancellationToken)
    {
        var ids = groups.Select(g => g.Id).ToList();
        var programs = await db.Programs.Where(p => p.ClinicId == clinicId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var staff = await db.Staff.Where(s => s.ClinicId == clinicId).ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        var active = await db.Enrollments.Where(e => ids.Contains(e.GroupId) && e.Status == EnrollmentStatus.Active)
            .GroupBy(e => e.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. groups.Select(g =>
        {
            var therapistIds = g.Therapists.Select(t => t.StaffId).OrderBy(id => staff.GetValueOrDefault(id), StringComparer.Ordinal).ToList();
            return new GroupDto(g.Id, g.ProgramId, programs.GetValueOrDefault(g.ProgramId, ""), g.Name, g.Capacity, therapistIds,
                [.. therapistIds.Select(id => staff.GetValueOrDefault(id, ""))], active.GetValueOrDefault(g.Id));
        })];
    }

    internal static SessionDto ToDto(GroupSession s, string groupName, string timeZoneId) => new(s.Id, s.GroupId, groupName, s.LocalDate,
        s.ScheduledStart, s.ScheduledEnd, timeZoneId, s.Topic, s.Status == GroupSessionStatus.Cancelled ? "cancelled" : "scheduled");
}
