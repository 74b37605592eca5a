using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Identity;

namespace IopTelehealth.Identity.Passwords;

/// <summary>
/// NIST SP 800-63B memorised-secret checks: no composition rules, but no common passwords (also with digits or
/// symbols padded around them), no repetitive or sequential strings and nothing derived from the account or the service.
/// Length (12) is enforced by Identity's own options.
/// </summary>
public sealed class PasswordPolicyValidator(CommonPasswordList list) : IPasswordValidator<AppUser>
{
    public const string CommonCode = "PasswordTooCommon";
    public const string PredictableCode = "PasswordPredictable";
    public const string ContextCode = "PasswordContainsContext";

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "0987654321", "abcdefghijklmnopqrstuvwxyz"];
    private static readonly string[] ServiceWords = ["ioptelehealth", "iop telehealth", "iop-telehealth"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        if (list.Contains(lower) || list.Contains(Core(lower)))
        {
            return Fail(CommonCode, "This password is too common. Choose a longer phrase that is not on lists of common passwords.");
        }

        if (IsPredictable(lower))
        {
            return Fail(PredictableCode, "This password is a repeated or sequential pattern. Choose a phrase that is harder to guess.");
        }

        if (ContainsContext(lower, user))
        {
            return Fail(ContextCode, "This password contains your e-mail name or the service name.");
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>The password with leading and trailing digits and symbols removed: "Password2026!" becomes "password".</summary>
    internal static string Core(string lower) => lower.Trim().Trim("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());

    internal static bool IsPredictable(string lower)
    {
        if (lower.Distinct().Count() <= 3)
        {
            return true;
        }

        // Whole password walks a keyboard row or the alphabet (either way, wrapping around).
        return KeyboardRows.Any(row => IsWalk(lower, row) || IsWalk(lower, new string([.. row.Reverse()])));
    }

    private static bool IsWalk(string candidate, string row)
    {
        var start = row.IndexOf(candidate[0], StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] != row[(start + i) % row.Length])
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsContext(string lower, AppUser user)
    {
        var local = (user.Email ?? user.UserName ?? "").Split('@')[0].ToLowerInvariant();
        return (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal))
            || ServiceWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
