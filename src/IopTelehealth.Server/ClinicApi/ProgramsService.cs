using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

internal sealed class ProgramsService(IopDbContext db, ClinicScope scope) : IProgramsApi
{
    private static readonly ClinicResource Resource = ClinicResource.Programs;

    /// <summary>The API speaks hours per week (how programs are described); the domain counts minutes.</summary>
    private static readonly Dictionary<string, FieldAlias> Fields = new(StringComparer.Ordinal)
    {
        [nameof(IopProgram.RequiredMinutesPerWeek)] = new(nameof(ProgramInput.RequiredHoursPerWeek), "RequiredHoursPerWeek must be between 1 and 40."),
    };

    public async Task<ApiResult<IReadOnlyList<ProgramDto>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<ProgramDto>>.Forbidden();
        }

        var programs = await db.Programs.AsNoTracking().Where(p => p.ClinicId == caller.ClinicId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return ApiResult<IReadOnlyList<ProgramDto>>.Ok([.. programs.Select(ToDto)]);
    }

    public async Task<ApiResult<ProgramDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, id, cancellationToken) is not { } caller)
        {
            return ApiResult<ProgramDto>.Forbidden();
        }

        var program = await scope.FindAsync(caller, db.Programs.AsNoTracking(), id, Resource.Name, cancellationToken);
        return program is null ? ApiResult<ProgramDto>.NotFound() : ApiResult<ProgramDto>.Ok(ToDto(program));
    }

    public async Task<ApiResult<ProgramDto>> CreateAsync(ProgramInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, null, cancellationToken) is not { } caller)
        {
            return ApiResult<ProgramDto>.Forbidden();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<ProgramDto>.Invalid(errors);
        }

        IopProgram program;
        try
        {
            program = new IopProgram(Guid.NewGuid(), caller.ClinicId, input.Name, SettingsOf(input));
            program.ChangeEscalation(input.EscalateAfterMisses);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<ProgramDto>(e, Fields);
        }

        if (await NameTakenAsync(caller.ClinicId, program.Name, exceptId: null, cancellationToken))
        {
            return NameConflict();
        }

        db.Programs.Add(program);
        if (!await scope.TrySaveAsync(cancellationToken))
        {
            return NameConflict();
        }

        await scope.AuditAsync(AuditActions.RecordCreated, Resource.Name, program.Id, null, cancellationToken);
        return ApiResult<ProgramDto>.Ok(ToDto(program));
    }

    public async Task<ApiResult<ProgramDto>> UpdateAsync(Guid id, ProgramInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<ProgramDto>.Forbidden();
        }

        var program = await scope.FindAsync(caller, db.Programs, id, Resource.Name, cancellationToken);
        if (program is null)
        {
            return ApiResult<ProgramDto>.NotFound();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<ProgramDto>.Invalid(errors);
        }

        try
        {
            program.Rename(input.Name);
            program.Apply(SettingsOf(input));
            program.ChangeEscalation(input.EscalateAfterMisses);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<ProgramDto>(e, Fields);
        }

        var largestGroup = await db.Groups.Where(g => g.ProgramId == id).Select(g => (int?)g.Capacity).MaxAsync(cancellationToken);
        if (largestGroup > program.MaxGroupSize)
        {
            db.ChangeTracker.Clear();
            return ApiResult<ProgramDto>.Invalid(nameof(ProgramInput.MaxGroupSize),
                $"MaxGroupSize must be at least {largestGroup}: a group of this program has that capacity.");
        }

        if (await NameTakenAsync(caller.ClinicId, program.Name, id, cancellationToken) || !await scope.TrySaveAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            return NameConflict();
        }

        await scope.AuditAsync(AuditActions.RecordUpdated, Resource.Name, id, null, cancellationToken);
        return ApiResult<ProgramDto>.Ok(ToDto(program));
    }

    public async Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        var program = await scope.FindAsync(caller, db.Programs, id, Resource.Name, cancellationToken);
        if (program is null)
        {
            return ApiResult<bool>.NotFound();
        }

        if (await db.Groups.AnyAsync(g => g.ProgramId == id, cancellationToken))
        {
            return ApiResult<bool>.Conflict("The program still has groups; delete or move them first.");
        }

        db.Programs.Remove(program);
        await db.SaveChangesAsync(cancellationToken);
        await scope.AuditAsync(AuditActions.RecordDeleted, Resource.Name, id, null, cancellationToken);
        return ApiResult<bool>.Ok(true);
    }

    private Task<bool> NameTakenAsync(Guid clinicId, string name, Guid? exceptId, CancellationToken cancellationToken) =>
        db.Programs.AnyAsync(p => p.ClinicId == clinicId && p.Name == name && p.Id != exceptId, cancellationToken);

    private static ApiResult<ProgramDto> NameConflict() =>
        InputValidation.Conflict<ProgramDto>(nameof(ProgramInput.Name), "The clinic already has a program with this name.");

    private static ProgramSettings SettingsOf(ProgramInput input) => new(
        (int)Math.Round(input.RequiredHoursPerWeek * 60, MidpointRounding.AwayFromZero), input.MinimumMinutesPerDay, input.MaxGroupSize,
        input.LateArrivalMinutes, input.EarlyLeaveMinutes);

    internal static ProgramDto ToDto(IopProgram p) => new(p.Id, p.Name, p.RequiredMinutesPerWeek / 60.0, p.MinimumMinutesPerDay, p.MaxGroupSize,
        p.LateArrivalMinutes, p.EarlyLeaveMinutes, p.EscalateAfterMisses);
}
