using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Identity;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>
/// The sign-in accounts behind patient and staff profiles. Identity's store saves through the same context, so an
/// account change and its profile change commit in one transaction or not at all.
/// </summary>
internal sealed class ClinicAccounts(IopDbContext db, UserManager<AppUser> users, IOptions<IdentitySettings> identity, TimeProvider clock)
{
    public UserManager<AppUser> Users => users;

    public AppUser NewUser(Guid clinicId, string email) => new()
    {
        Id = Guid.NewGuid(),
        UserName = email.Trim(),
        Email = email.Trim(),
        // There is no e-mail delivery: the admin who typed the address vouches for it and hands over the invite link.
        EmailConfirmed = true,
        ClinicId = clinicId,
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>E-mail addresses are sign-in names across all clinics, so one clinic may not reuse another's.</summary>
    public Task<bool> EmailTakenAsync(string email, Guid? exceptUserId, CancellationToken cancellationToken)
    {
        var normalizedEmail = users.NormalizeEmail(email.Trim());
        var normalizedName = users.NormalizeName(email.Trim());
        return db.Users.AnyAsync(u => (u.NormalizedEmail == normalizedEmail || u.NormalizedUserName == normalizedName) && u.Id != exceptUserId,
            cancellationToken);
    }

    public static ApiResult<T> EmailConflict<T>() =>
        InputValidation.Conflict<T>(nameof(PatientInput.Email), "An account with this e-mail address already exists.");

    /// <summary>
    /// Runs the account changes and saves every pending profile change with them in one transaction; null when it
    /// committed, else the refusal keyed by field (nothing is kept).
    /// </summary>
    public async Task<ApiResult<T>?> CommitAsync<T>(Func<Task<IdentityResult>> accountChanges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountChanges);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await accountChanges();
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ErrorsOf<T>(result);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task<IdentityResult> CreateAsync(AppUser user, string role)
    {
        var result = await users.CreateAsync(user);
        return result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
    }

    public async Task<IdentityResult> ChangeEmailAsync(AppUser user, string email)
    {
        ArgumentNullException.ThrowIfNull(user);
        email = email.Trim();
        if (string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            return IdentityResult.Success;
        }

        var result = await users.SetEmailAsync(user, email);
        if (result.Succeeded)
        {
            result = await users.SetUserNameAsync(user, email);
        }

        if (result.Succeeded)
        {
            user.EmailConfirmed = true;
            result = await users.UpdateAsync(user);
        }

        return result;
    }

    /// <summary>
    /// The link the admin hands over (no e-mail is sent). It is a password-reset token: it also serves as "forgot password",
    /// expires after Identity:InviteLifetime and dies with any security-stamp change (password set, MFA reset, e-mail change).
    /// </summary>
    public async Task<InviteDto> IssueInviteAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var issuer = identity.Value.Issuer!.ToString().TrimEnd('/');
        return new InviteDto(new Uri($"{issuer}/account/invite?uid={user.Id}&token={Uri.EscapeDataString(token)}"),
            clock.GetUtcNow() + identity.Value.InviteLifetime);
    }

    /// <summary>The roles of several accounts in one query (lists of staff).</summary>
    public async Task<Dictionary<Guid, List<string>>> RolesOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name ?? "").ToList());
    }

    private static ApiResult<T> ErrorsOf<T>(IdentityResult result)
    {
        var messages = result.Errors.Select(e => e.Description).ToArray();
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return EmailConflict<T>();
        }

        // What Identity refuses on an account created without a password is the address used as user name.
        return ApiResult<T>.Invalid(new Dictionary<string, string[]> { [nameof(PatientInput.Email)] = messages });
    }
}
