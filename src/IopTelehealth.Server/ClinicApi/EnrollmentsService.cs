using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>
/// Enrollments name a patient (legal name) next to an addiction or mental-health group, so every read is PHI access
/// and audited like a read of the patient record.
/// </summary>
internal sealed class EnrollmentsService(IopDbContext db, ClinicScope scope) : IEnrollmentsApi
{
    private static readonly ClinicResource Resource = ClinicResource.Enrollments;

    public async Task<ApiResult<IReadOnlyList<EnrollmentDto>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<EnrollmentDto>>.Forbidden();
        }

        var enrollments = await db.Enrollments.AsNoTracking().Where(e => e.ClinicId == caller.ClinicId).ToListAsync(cancellationToken);
        var dtos = await ToDtosAsync(caller.ClinicId, enrollments, cancellationToken);
        await scope.AuditAsync(AuditActions.PhiRead, Resource.Name, null, $"list:{dtos.Count}", cancellationToken);
        return ApiResult<IReadOnlyList<EnrollmentDto>>.Ok([.. dtos.OrderBy(e => e.GroupName, StringComparer.Ordinal).ThenBy(e => e.PatientAlias, StringComparer.Ordinal)]);
    }

    public async Task<ApiResult<EnrollmentDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, id, cancellationToken) is not { } caller)
        {
            return ApiResult<EnrollmentDto>.Forbidden();
        }

        var enrollment = await scope.FindAsync(caller, db.Enrollments.AsNoTracking(), id, Resource.Name, cancellationToken);
        if (enrollment is null)
        {
            return ApiResult<EnrollmentDto>.NotFound();
        }

        await scope.AuditAsync(AuditActions.PhiRead, Resource.Name, id, null, cancellationToken);
        return ApiResult<EnrollmentDto>.Ok((await ToDtosAsync(caller.ClinicId, [enrollment], cancellationToken))[0]);
    }

    public async Task<ApiResult<EnrollmentDto>> CreateAsync(EnrollmentInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, null, cancellationToken) is not { } caller)
        {
            return ApiResult<EnrollmentDto>.Forbidden();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<EnrollmentDto>.Invalid(errors);
        }

        var group = await scope.FindAsync(caller, db.Groups.AsNoTracking(), input.GroupId!.Value, ClinicResource.Groups.Name, cancellationToken);
        if (group is null)
        {
            return ApiResult<EnrollmentDto>.Invalid(nameof(EnrollmentInput.GroupId), "No such group in this clinic.");
        }

        var patient = await scope.FindAsync(caller, db.Patients.AsNoTracking(), input.PatientId!.Value, ClinicResource.Patients.Name, cancellationToken);
        if (patient is null)
        {
            return ApiResult<EnrollmentDto>.Invalid(nameof(EnrollmentInput.PatientId), "No such patient in this clinic.");
        }

        Enrollment enrollment;
        try
        {
            enrollment = new Enrollment(Guid.NewGuid(), caller.ClinicId, group.Id, patient.Id, input.StartDate!.Value, input.EndDate);
            enrollment.ChangeStatus(StatusOf(input.Status));
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<EnrollmentDto>(e);
        }

        if (await ConflictOfAsync(enrollment, group, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        db.Enrollments.Add(enrollment);
        if (!await scope.TrySaveAsync(cancellationToken))
        {
            return StartDateConflict();
        }

        await scope.AuditAsync(AuditActions.RecordCreated, Resource.Name, enrollment.Id, null, cancellationToken);
        return ApiResult<EnrollmentDto>.Ok((await ToDtosAsync(caller.ClinicId, [enrollment], cancellationToken))[0]);
    }

    public async Task<ApiResult<EnrollmentDto>> UpdateAsync(Guid id, EnrollmentInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<EnrollmentDto>.Forbidden();
        }

        var enrollment = await scope.FindAsync(caller, db.Enrollments, id, Resource.Name, cancellationToken);
        if (enrollment is null)
        {
            return ApiResult<EnrollmentDto>.NotFound();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<EnrollmentDto>.Invalid(errors);
        }

        if (input.GroupId != enrollment.GroupId || input.PatientId != enrollment.PatientId)
        {
            var field = input.GroupId != enrollment.GroupId ? nameof(EnrollmentInput.GroupId) : nameof(EnrollmentInput.PatientId);
            return ApiResult<EnrollmentDto>.Invalid(field, "An enrollment keeps its group and patient; end it and create a new one instead.");
        }

        try
        {
            enrollment.ChangeDates(input.StartDate!.Value, input.EndDate);
            enrollment.ChangeStatus(StatusOf(input.Status));
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<EnrollmentDto>(e);
        }

        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == enrollment.GroupId, cancellationToken);
        if (await ConflictOfAsync(enrollment, group, cancellationToken) is { } conflict)
        {
            db.ChangeTracker.Clear();
            return conflict;
        }

        if (!await scope.TrySaveAsync(cancellationToken))
        {
            return StartDateConflict();
        }

        await scope.AuditAsync(AuditActions.RecordUpdated, Resource.Name, id, null, cancellationToken);
        return ApiResult<EnrollmentDto>.Ok((await ToDtosAsync(caller.ClinicId, [enrollment], cancellationToken))[0]);
    }

    public async Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        var enrollment = await scope.FindAsync(caller, db.Enrollments, id, Resource.Name, cancellationToken);
        if (enrollment is null)
        {
            return ApiResult<bool>.NotFound();
        }

        db.Enrollments.Remove(enrollment);
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordDeleted, Resource.Name, id, null, cancellationToken);
        return ApiResult<bool>.Ok(true);
    }

    /// <summary>One active place per patient per group, no more active places than the group's capacity, one enrollment per start date.</summary>
    private async Task<ApiResult<EnrollmentDto>?> ConflictOfAsync(Enrollment enrollment, TherapyGroup group, CancellationToken cancellationToken)
    {
        var others = db.Enrollments.Where(e => e.GroupId == group.Id && e.Id != enrollment.Id);
        if (await others.AnyAsync(e => e.PatientId == enrollment.PatientId && e.StartDate == enrollment.StartDate, cancellationToken))
        {
            return StartDateConflict();
        }

        if (enrollment.Status != EnrollmentStatus.Active)
        {
            return null;
        }

        if (await others.AnyAsync(e => e.PatientId == enrollment.PatientId && e.Status == EnrollmentStatus.Active, cancellationToken))
        {
            return InputValidation.Conflict<EnrollmentDto>(nameof(EnrollmentInput.PatientId), "The patient already has an active enrollment in this group.");
        }

        return await others.CountAsync(e => e.Status == EnrollmentStatus.Active, cancellationToken) >= group.Capacity
            ? InputValidation.Conflict<EnrollmentDto>(nameof(EnrollmentInput.GroupId), $"The group is full: all {group.Capacity} places are taken by active enrollments.")
            : null;
    }

    private static ApiResult<EnrollmentDto> StartDateConflict() =>
        InputValidation.Conflict<EnrollmentDto>(nameof(EnrollmentInput.StartDate), "The patient already has an enrollment in this group starting on this date.");

    internal static EnrollmentStatus StatusOf(string status) => status switch
    {
        EnrollmentStatuses.Active => EnrollmentStatus.Active,
        EnrollmentStatuses.SteppedDown => EnrollmentStatus.SteppedDown,
        EnrollmentStatuses.Graduated => EnrollmentStatus.Graduated,
        EnrollmentStatuses.Discharged => EnrollmentStatus.Discharged,
        _ => (EnrollmentStatus)(-1),
    };

    internal static string StatusOf(EnrollmentStatus status) => status switch
    {
        EnrollmentStatus.SteppedDown => EnrollmentStatuses.SteppedDown,
        EnrollmentStatus.Graduated => EnrollmentStatuses.Graduated,
        EnrollmentStatus.Discharged => EnrollmentStatuses.Discharged,
        _ => EnrollmentStatuses.Active,
    };

    private async Task<IReadOnlyList<EnrollmentDto>> ToDtosAsync(Guid clinicId, IReadOnlyList<Enrollment> enrollments, CancellationToken cancellationToken)
    {
        var patientIds = enrollments.Select(e => e.PatientId).Distinct().ToList();
        var groups = await db.Groups.Where(g => g.ClinicId == clinicId).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var patients = await db.Patients.AsNoTracking().Where(p => p.ClinicId == clinicId && patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. enrollments.Select(e =>
        {
            var patient = patients.GetValueOrDefault(e.PatientId);
            return new EnrollmentDto(e.Id, e.GroupId, groups.GetValueOrDefault(e.GroupId, ""), e.PatientId, patient?.LegalName ?? "",
                patient?.DisplayAlias ?? "", e.StartDate, e.EndDate, StatusOf(e.Status));
        })];
    }
}
