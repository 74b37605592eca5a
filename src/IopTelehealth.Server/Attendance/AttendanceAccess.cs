using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Persistence;
using IopTelehealth.Server.ClinicApi;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Attendance;

internal enum AccessOutcome
{
    Allowed = 0,
    Forbidden = 1,
    NotFound = 2,
}

/// <summary>
/// Who may see or change attendance: role first (<see cref="ClinicResource.Attendance"/>), then clinic (another clinic's group is
/// reported as missing, audited), then group: a therapist only for groups they are assigned to; admins and staff for the clinic.
/// </summary>
internal sealed class AttendanceAccess(IopDbContext db, ClinicScope scope, SecurityAudit audit)
{
    public async Task<(AccessOutcome Outcome, CurrentCaller? Caller, TherapyGroup? Group)> ForGroupAsync(Guid groupId, ClinicAccess access,
        CancellationToken cancellationToken)
    {
        if (await scope.AuthorizeAsync(ClinicResource.Attendance, access, groupId, cancellationToken) is not { } caller)
        {
            return (AccessOutcome.Forbidden, null, null);
        }

        var group = await scope.FindAsync(caller, db.Groups.AsNoTracking(), groupId, "group", cancellationToken);
        if (group is null)
        {
            return (AccessOutcome.NotFound, caller, null);
        }

        return await LeadsOrOfficeAsync(caller, group.Id, cancellationToken)
            ? (AccessOutcome.Allowed, caller, group)
            : (await DenyAsync(group.Id, cancellationToken), caller, null);
    }

    /// <summary>Admins and staff see the clinic; a therapist (without those roles) only the groups they lead.</summary>
    public async Task<bool> LeadsOrOfficeAsync(CurrentCaller caller, Guid groupId, CancellationToken cancellationToken) =>
        caller.IsInAnyRole(Roles.Admin, Roles.Staff) || await (await TherapistGroupsAsync(caller, cancellationToken)).AnyAsync(g => g == groupId, cancellationToken);

    /// <summary>The groups the caller is assigned to as a therapist.</summary>
    public async Task<IQueryable<Guid>> TherapistGroupsAsync(CurrentCaller caller, CancellationToken cancellationToken)
    {
        var staffId = await db.Staff.Where(s => s.UserId == caller.UserId && s.ClinicId == caller.ClinicId).Select(s => (Guid?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return db.Set<GroupTherapist>().Where(t => t.StaffId == staffId).Select(t => t.GroupId);
    }

    /// <summary>Every view and export of attendance leaves a PHI-access row naming what was seen, never its content.</summary>
    public Task AuditReadAsync(string targetType, Guid? targetId, string? detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(AuditActions.PhiRead, AuditOutcome.Success, targetType: targetType, targetId: targetId?.ToString(), detail: detail,
            cancellationToken: cancellationToken);

    public Task AuditChangeAsync(string targetType, Guid? targetId, string detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(AuditActions.RecordUpdated, AuditOutcome.Success, targetType: targetType, targetId: targetId?.ToString(), detail: detail,
            cancellationToken: cancellationToken);

    private async Task<AccessOutcome> DenyAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(AuditActions.Forbidden, AuditOutcome.Denied, targetType: "attendance", targetId: groupId.ToString(), detail: "not-group-therapist",
            cancellationToken: cancellationToken);
        return AccessOutcome.Forbidden;
    }
}
