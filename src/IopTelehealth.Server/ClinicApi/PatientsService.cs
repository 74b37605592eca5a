using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.People;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>Patient records (PHI: every read is audited) and their sign-in accounts.</summary>
internal sealed class PatientsService(IopDbContext db, ClinicScope scope, ClinicAccounts accounts) : IPatientsApi
{
    private static readonly ClinicResource Resource = ClinicResource.Patients;

    public async Task<ApiResult<IReadOnlyList<PatientDto>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<PatientDto>>.Forbidden();
        }

        var patients = await db.Patients.AsNoTracking().Where(p => p.ClinicId == caller.ClinicId).OrderBy(p => p.LegalName).ToListAsync(cancellationToken);
        var dtos = await ToDtosAsync(caller.ClinicId, patients, cancellationToken);
        await scope.AuditAsync(AuditActions.PhiRead, Resource.Name, null, $"list:{dtos.Count}", cancellationToken);
        return ApiResult<IReadOnlyList<PatientDto>>.Ok(dtos);
    }

    public async Task<ApiResult<PatientDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, id, cancellationToken) is not { } caller)
        {
            return ApiResult<PatientDto>.Forbidden();
        }

        var patient = await scope.FindAsync(caller, db.Patients.AsNoTracking(), id, Resource.Name, cancellationToken);
        if (patient is null)
        {
            return ApiResult<PatientDto>.NotFound();
        }

        await scope.AuditAsync(AuditActions.PhiRead, Resource.Name, id, null, cancellationToken);
        return ApiResult<PatientDto>.Ok((await ToDtosAsync(caller.ClinicId, [patient], cancellationToken))[0]);
    }

    public async Task<ApiResult<PatientDto>> CreateAsync(PatientInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, null, cancellationToken) is not { } caller)
        {
            return ApiResult<PatientDto>.Forbidden();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<PatientDto>.Invalid(errors);
        }

        if (await accounts.EmailTakenAsync(input.Email, null, cancellationToken))
        {
            return ClinicAccounts.EmailConflict<PatientDto>();
        }

        var user = accounts.NewUser(caller.ClinicId, input.Email);
        PatientProfile patient;
        try
        {
            patient = new PatientProfile(Guid.NewGuid(), caller.ClinicId, user.Id, input.LegalName, input.DisplayAlias, ContactOf(input));
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<PatientDto>(e);
        }

        db.Patients.Add(patient);
        if (await accounts.CommitAsync<PatientDto>(() => accounts.CreateAsync(user, Roles.Patient), cancellationToken) is { } refused)
        {
            return refused;
        }

        await scope.AuditAsync(AuditActions.RecordCreated, Resource.Name, patient.Id, null, cancellationToken);
        return ApiResult<PatientDto>.Ok((await ToDtosAsync(caller.ClinicId, [patient], cancellationToken))[0]);
    }

    public async Task<ApiResult<PatientDto>> UpdateAsync(Guid id, PatientInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<PatientDto>.Forbidden();
        }

        var patient = await scope.FindAsync(caller, db.Patients, id, Resource.Name, cancellationToken);
        if (patient is null)
        {
            return ApiResult<PatientDto>.NotFound();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<PatientDto>.Invalid(errors);
        }

        if (await accounts.EmailTakenAsync(input.Email, patient.UserId, cancellationToken))
        {
            return ClinicAccounts.EmailConflict<PatientDto>();
        }

        try
        {
            patient.Update(input.LegalName, input.DisplayAlias, ContactOf(input));
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<PatientDto>(e);
        }

        var user = await db.Users.SingleAsync(u => u.Id == patient.UserId, cancellationToken);
        if (await accounts.CommitAsync<PatientDto>(() => accounts.ChangeEmailAsync(user, input.Email), cancellationToken) is { } refused)
        {
            return refused;
        }

        await scope.AuditAsync(AuditActions.RecordUpdated, Resource.Name, id, null, cancellationToken);
        return ApiResult<PatientDto>.Ok((await ToDtosAsync(caller.ClinicId, [patient], cancellationToken))[0]);
    }

    public async Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        var patient = await scope.FindAsync(caller, db.Patients, id, Resource.Name, cancellationToken);
        if (patient is null)
        {
            return ApiResult<bool>.NotFound();
        }

        if (await db.Enrollments.AnyAsync(e => e.PatientId == id, cancellationToken))
        {
            return ApiResult<bool>.Conflict("The patient has enrollments; they are part of the clinical record and must be removed first.");
        }

        var user = await db.Users.SingleAsync(u => u.Id == patient.UserId, cancellationToken);
        db.Patients.Remove(patient);
        if (await accounts.CommitAsync<bool>(() => accounts.Users.DeleteAsync(user), cancellationToken) is { } refused)
        {
            return refused;
        }

        await scope.AuditAsync(AuditActions.RecordDeleted, Resource.Name, id, null, cancellationToken);
        return ApiResult<bool>.Ok(true);
    }

    public async Task<ApiResult<InviteDto>> IssueInviteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<InviteDto>.Forbidden();
        }

        var patient = await scope.FindAsync(caller, db.Patients.AsNoTracking(), id, Resource.Name, cancellationToken);
        if (patient is null)
        {
            return ApiResult<InviteDto>.NotFound();
        }

        var user = await db.Users.SingleAsync(u => u.Id == patient.UserId, cancellationToken);
        var invite = await accounts.IssueInviteAsync(user);
        await scope.AuditAsync(AuditActions.InviteIssued, "user", user.Id, "patient", cancellationToken);
        return ApiResult<InviteDto>.Ok(invite);
    }

    private static EmergencyContact ContactOf(PatientInput input) => new(input.EmergencyContactName, input.EmergencyContactPhone);

    private async Task<IReadOnlyList<PatientDto>> ToDtosAsync(Guid clinicId, IReadOnlyList<PatientProfile> patients, CancellationToken cancellationToken)
    {
        var userIds = patients.Select(p => p.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId && userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, HasPassword = u.PasswordHash != null })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        return [.. patients.Select(p =>
        {
            var user = users.GetValueOrDefault(p.UserId);
            return new PatientDto(p.Id, p.UserId, user?.Email ?? "", p.LegalName, p.DisplayAlias, p.EmergencyContactName, p.EmergencyContactPhone,
                user?.HasPassword ?? false);
        })];
    }
}
