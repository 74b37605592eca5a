using IopTelehealth.Domain;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Identity.Devices;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence;

/// <summary>Sessions and memberships for rooms, read from the clinic database.</summary>
public sealed class EfSessionDirectory(IopDbContext db) : ISessionDirectory
{
    public async Task<SessionFacts?> FindAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var row = await (
            from session in db.Sessions.AsNoTracking()
            join grp in db.Groups.AsNoTracking() on session.GroupId equals grp.Id
            join clinic in db.Clinics.AsNoTracking() on session.ClinicId equals clinic.Id
            where session.Id == sessionId.Value
            select new { session, GroupName = grp.Name, grp.Capacity, clinic.ConsentVersion, clinic.ConsentText })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new SessionFacts(sessionId, row.session.ClinicId, row.session.GroupId, row.GroupName, row.session.Topic,
            row.session.LocalDate, row.session.ScheduledStart, row.session.ScheduledEnd, row.Capacity,
            row.session.Status == GroupSessionStatus.Cancelled, row.ConsentVersion, row.ConsentText);
    }

    public async Task<RoomMember?> ResolveMemberAsync(SessionFacts session, RoomCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.ClinicId != session.ClinicId)
        {
            return null;
        }

        if (caller.Roles.Contains(Roles.Patient))
        {
            return await PatientAsync(session, caller.UserId, cancellationToken);
        }

        if (caller.Roles.Contains(Roles.RoomDevice))
        {
            return await RoomDeviceAsync(session, caller.UserId, cancellationToken);
        }

        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == caller.UserId && s.ClinicId == session.ClinicId, cancellationToken);
        if (staff is null)
        {
            return null;
        }

        var leads = await db.Set<GroupTherapist>().AnyAsync(t => t.GroupId == session.GroupId && t.StaffId == staff.Id, cancellationToken);
        ParticipantRole? role = leads && caller.Roles.Contains(Roles.Therapist) ? ParticipantRole.Therapist
            : caller.Roles.Contains(Roles.Therapist) || caller.Roles.Contains(Roles.Admin) ? ParticipantRole.CoFacilitator
            : caller.Roles.Contains(Roles.Staff) ? ParticipantRole.Observer
            : null;
        return role is null ? null : new RoomMember(role.Value, staff.DisplayName, null, null);
    }

    public async Task RecordConsentAsync(SessionFacts session, Guid userId, string version, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var patientId = await db.Patients.Where(p => p.UserId == userId && p.ClinicId == session.ClinicId).Select(p => p.Id).SingleAsync(cancellationToken);
        if (await db.TelehealthConsents.AnyAsync(c => c.PatientId == patientId && c.Version == version, cancellationToken))
        {
            return;
        }

        db.TelehealthConsents.Add(new TelehealthConsent(Guid.NewGuid(), session.ClinicId, patientId, version, at));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two connections of the same patient accepted at once: the first row stands, which is all we need.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<IReadOnlyList<EnrolledPatient>> ListEnrolledAsync(SessionFacts session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await (
            from enrollment in db.Enrollments.AsNoTracking()
            join patient in db.Patients.AsNoTracking() on enrollment.PatientId equals patient.Id
            where enrollment.GroupId == session.GroupId && patient.ClinicId == session.ClinicId
            select new { enrollment, patient.UserId, patient.DisplayAlias })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.enrollment.IsActiveOn(session.LocalDate))
            .Select(r => new EnrolledPatient(r.UserId, r.DisplayAlias))
            .DistinctBy(p => p.UserId)
            .OrderBy(p => p.Alias, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// A room device enters only sessions of the group it was bound to at approval, and only while its account is not locked
    /// (an admin's revocation takes effect at the next join, even with an access token still valid).
    /// </summary>
    private async Task<RoomMember?> RoomDeviceAsync(SessionFacts session, Guid userId, CancellationToken cancellationToken)
    {
        var device = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.ClinicId == session.ClinicId, cancellationToken);
        if (device is null || device.LockoutEnd > DateTimeOffset.UtcNow)
        {
            return null;
        }

        var claims = await db.UserClaims.AsNoTracking().Where(c => c.UserId == userId).ToListAsync(cancellationToken);
        var group = claims.FirstOrDefault(c => c.ClaimType == RoomDeviceAccounts.GroupClaim)?.ClaimValue;
        var label = claims.FirstOrDefault(c => c.ClaimType == RoomDeviceAccounts.LabelClaim)?.ClaimValue ?? "Clinic room";
        return group == session.GroupId.ToString() ? new RoomMember(ParticipantRole.RoomDevice, label, null, null) : null;
    }

    /// <summary>An enrolled patient of the session's group whose enrollment is active on the session's local date.</summary>
    private async Task<RoomMember?> PatientAsync(SessionFacts session, Guid userId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId && p.ClinicId == session.ClinicId, cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.PatientId == patient.Id && e.GroupId == session.GroupId).ToListAsync(cancellationToken);
        if (!enrollments.Any(e => e.IsActiveOn(session.LocalDate)))
        {
            return null;
        }

        var accepted = await db.TelehealthConsents.AsNoTracking()
            .Where(c => c.PatientId == patient.Id && c.Version == session.ConsentVersion).Select(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        return new RoomMember(ParticipantRole.Patient, patient.DisplayAlias, accepted, patient.EmergencyContact);
    }
}
