using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.People;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>Therapists, staff and admins: profile, sign-in account, role (audited), invite links and MFA resets.</summary>
internal sealed class StaffService(IopDbContext db, ClinicScope scope, ClinicAccounts accounts) : IStaffApi
{
    private static readonly ClinicResource Resource = ClinicResource.Staff;

    /// <summary>Strongest first: an account that somehow holds two staff roles is shown with the stronger one.</summary>
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Staff, Roles.Therapist];

    public async Task<ApiResult<IReadOnlyList<StaffDto>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, null, cancellationToken) is not { } caller)
        {
            return ApiResult<IReadOnlyList<StaffDto>>.Forbidden();
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.ClinicId == caller.ClinicId).OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);
        return ApiResult<IReadOnlyList<StaffDto>>.Ok(await ToDtosAsync(caller.ClinicId, staff, cancellationToken));
    }

    public async Task<ApiResult<StaffDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Read, id, cancellationToken) is not { } caller)
        {
            return ApiResult<StaffDto>.Forbidden();
        }

        var member = await scope.FindAsync(caller, db.Staff.AsNoTracking(), id, Resource.Name, cancellationToken);
        return member is null ? ApiResult<StaffDto>.NotFound() : ApiResult<StaffDto>.Ok(await ToDtoAsync(caller.ClinicId, member, cancellationToken));
    }

    public async Task<ApiResult<StaffDto>> CreateAsync(StaffInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, null, cancellationToken) is not { } caller)
        {
            return ApiResult<StaffDto>.Forbidden();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<StaffDto>.Invalid(errors);
        }

        if (await accounts.EmailTakenAsync(input.Email, null, cancellationToken))
        {
            return ClinicAccounts.EmailConflict<StaffDto>();
        }

        var user = accounts.NewUser(caller.ClinicId, input.Email);
        StaffProfile member;
        try
        {
            member = new StaffProfile(Guid.NewGuid(), caller.ClinicId, user.Id, input.DisplayName, input.Credentials);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<StaffDto>(e);
        }

        db.Staff.Add(member);
        if (await accounts.CommitAsync<StaffDto>(() => accounts.CreateAsync(user, input.Role), cancellationToken) is { } refused)
        {
            return refused;
        }

        await scope.AuditAsync(AuditActions.RecordCreated, Resource.Name, member.Id, $"role:{input.Role}", cancellationToken);
        return ApiResult<StaffDto>.Ok(await ToDtoAsync(caller.ClinicId, member, cancellationToken));
    }

    public async Task<ApiResult<StaffDto>> UpdateAsync(Guid id, StaffInput input, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<StaffDto>.Forbidden();
        }

        var member = await scope.FindAsync(caller, db.Staff, id, Resource.Name, cancellationToken);
        if (member is null)
        {
            return ApiResult<StaffDto>.NotFound();
        }

        if (InputValidation.Check(input) is { } errors)
        {
            return ApiResult<StaffDto>.Invalid(errors);
        }

        var user = await db.Users.SingleAsync(u => u.Id == member.UserId, cancellationToken);
        var oldRole = await RoleOfAsync(user);
        if (user.Id == caller.UserId && oldRole == Roles.Admin && input.Role != Roles.Admin)
        {
            // Another admin must do it, so a clinic can never lock itself out of its own administration by accident.
            return InputValidation.Conflict<StaffDto>(nameof(StaffInput.Role), "You cannot remove your own admin role.");
        }

        if (await accounts.EmailTakenAsync(input.Email, user.Id, cancellationToken))
        {
            return ClinicAccounts.EmailConflict<StaffDto>();
        }

        try
        {
            member.Update(input.DisplayName, input.Credentials);
        }
        catch (DomainRuleException e)
        {
            return scope.Reject<StaffDto>(e);
        }

        if (await accounts.CommitAsync<StaffDto>(() => ChangeAccountAsync(user, input.Email, oldRole, input.Role), cancellationToken) is { } refused)
        {
            return refused;
        }

        await scope.AuditAsync(AuditActions.RecordUpdated, Resource.Name, id, null, cancellationToken);
        if (oldRole != input.Role)
        {
            await scope.AuditAsync(AuditActions.RoleChanged, "user", user.Id, $"role:{oldRole ?? "none"}->{input.Role}", cancellationToken);
        }

        return ApiResult<StaffDto>.Ok(await ToDtoAsync(caller.ClinicId, member, cancellationToken));
    }

    public async Task<ApiResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        var member = await scope.FindAsync(caller, db.Staff, id, Resource.Name, cancellationToken);
        if (member is null)
        {
            return ApiResult<bool>.NotFound();
        }

        if (member.UserId == caller.UserId)
        {
            return ApiResult<bool>.Conflict("You cannot delete your own account; ask another admin.");
        }

        // Group assignments go with the profile (cascade); the groups themselves stay for another therapist to lead.
        var user = await db.Users.SingleAsync(u => u.Id == member.UserId, cancellationToken);
        db.Staff.Remove(member);
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

        if (await FindUserAsync(caller, id, cancellationToken) is not { } user)
        {
            return ApiResult<InviteDto>.NotFound();
        }

        var invite = await accounts.IssueInviteAsync(user);
        await scope.AuditAsync(AuditActions.InviteIssued, "user", user.Id, "staff", cancellationToken);
        return ApiResult<InviteDto>.Ok(invite);
    }

    /// <summary>The member enrols a new authenticator at next sign-in (the sign-in page insists for staff roles).</summary>
    public async Task<ApiResult<bool>> ResetMfaAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await scope.AuthorizeAsync(Resource, ClinicAccess.Write, id, cancellationToken) is not { } caller)
        {
            return ApiResult<bool>.Forbidden();
        }

        if (await FindUserAsync(caller, id, cancellationToken) is not { } user)
        {
            return ApiResult<bool>.NotFound();
        }

        if (await accounts.CommitAsync<bool>(() => ResetAuthenticatorAsync(user), cancellationToken) is { } refused)
        {
            return refused;
        }

        await scope.AuditAsync(AuditActions.MfaReset, "user", user.Id, null, cancellationToken);
        return ApiResult<bool>.Ok(true);
    }

    private async Task<AppUser?> FindUserAsync(CurrentCaller caller, Guid staffId, CancellationToken cancellationToken)
    {
        var member = await scope.FindAsync(caller, db.Staff.AsNoTracking(), staffId, Resource.Name, cancellationToken);
        return member is null ? null : await db.Users.SingleAsync(u => u.Id == member.UserId, cancellationToken);
    }

    private async Task<IdentityResult> ResetAuthenticatorAsync(AppUser user)
    {
        var result = await accounts.Users.SetTwoFactorEnabledAsync(user, false);
        // A new key (and security stamp): the old authenticator app's codes stop working at once.
        return result.Succeeded ? await accounts.Users.ResetAuthenticatorKeyAsync(user) : result;
    }

    private async Task<IdentityResult> ChangeAccountAsync(AppUser user, string email, string? oldRole, string newRole)
    {
        var result = await accounts.ChangeEmailAsync(user, email);
        if (!result.Succeeded || oldRole == newRole)
        {
            return result;
        }

        result = oldRole is null ? IdentityResult.Success : await accounts.Users.RemoveFromRoleAsync(user, oldRole);
        return result.Succeeded ? await accounts.Users.AddToRoleAsync(user, newRole) : result;
    }

    private async Task<string?> RoleOfAsync(AppUser user)
    {
        var roles = await accounts.Users.GetRolesAsync(user);
        return StaffRoles.FirstOrDefault(roles.Contains);
    }

    private async Task<StaffDto> ToDtoAsync(Guid clinicId, StaffProfile member, CancellationToken cancellationToken) =>
        (await ToDtosAsync(clinicId, [member], cancellationToken))[0];

    private async Task<IReadOnlyList<StaffDto>> ToDtosAsync(Guid clinicId, IReadOnlyList<StaffProfile> staff, CancellationToken cancellationToken)
    {
        var userIds = staff.Select(s => s.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.ClinicId == clinicId && userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.TwoFactorEnabled, HasPassword = u.PasswordHash != null })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var roles = await accounts.RolesOfAsync(userIds, cancellationToken);
        return [.. staff.Select(s =>
        {
            var user = users.GetValueOrDefault(s.UserId);
            var role = StaffRoles.FirstOrDefault(r => roles.GetValueOrDefault(s.UserId)?.Contains(r) == true) ?? "";
            return new StaffDto(s.Id, s.UserId, user?.Email ?? "", s.DisplayName, s.Credentials, role, user?.TwoFactorEnabled ?? false,
                user?.HasPassword ?? false);
        })];
    }
}
