using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Account.Pages;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace IopTelehealth.Identity.Account;

internal static class LoginHandlers
{
    /// <summary>
    /// One answer for unknown accounts, wrong passwords and locked accounts, so the page cannot be used to find out
    /// who is a patient of the clinic or whose account is locked.
    /// </summary>
    public const string FailedMessage = "Sign-in failed. Check your e-mail and password. After 5 failed attempts sign-in is blocked for 15 minutes.";

    public static RazorComponentResult<LoginPage> ShowAsync(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? notice) =>
        Page(context, antiforgery, returnUrl, email: null, error: null, notice);

    public static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users,
        SignInManager<AppUser> signIn, SecurityAudit audit)
    {
        if (!await AccountEndpoints.ValidFormAsync(context, antiforgery))
        {
            return Page(context, antiforgery, null, null, "Your sign-in form expired. Please try again.", null);
        }

        var form = await context.Request.ReadFormAsync();
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = ReturnUrls.Safe(form["returnUrl"]);
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            // Spend the same hashing time as a real check so response time does not reveal unknown accounts.
            users.PasswordHasher.VerifyHashedPassword(TimingDecoy.User, TimingDecoy.Hash, password);
            await audit.WriteAsync(AuditActions.SignIn, AuditOutcome.Failure, detail: "unknown-account");
            return Page(context, antiforgery, returnUrl, email, FailedMessage, null);
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var needsEnrollment = Roles.RequiresMfa(await users.GetRolesAsync(user)) && !user.TwoFactorEnabled;
        var result = needsEnrollment
            ? await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded && needsEnrollment)
        {
            await MfaEnrollment.BeginAsync(context, user);
            return Results.Redirect($"/account/mfa/enroll?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignIn, AuditOutcome.Success, user.Id, user.ClinicId, detail: "password");
            return Results.LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return Results.Redirect($"/account/mfa?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await AuditFailureAsync(audit, user, result, wasLocked);
        return Page(context, antiforgery, returnUrl, email, FailedMessage, null);
    }

    internal static async Task AuditFailureAsync(SecurityAudit audit, AppUser user, SignInResult result, bool wasLocked)
    {
        var detail = result.IsLockedOut ? "locked" : result.IsNotAllowed ? "not-allowed" : "bad-credentials";
        await audit.WriteAsync(AuditActions.SignIn, AuditOutcome.Failure, user.Id, user.ClinicId, detail: detail);
        if (result.IsLockedOut && !wasLocked)
        {
            await audit.WriteAsync(AuditActions.LockedOut, AuditOutcome.Failure, user.Id, user.ClinicId, targetType: "user", targetId: user.Id.ToString());
        }
    }

    private static RazorComponentResult<LoginPage> Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? email,
        string? error, string? notice) =>
        new(new
        {
            Token = AntiforgeryField.For(context, antiforgery),
            ReturnUrl = ReturnUrls.Safe(returnUrl),
            Email = email,
            Error = error,
            Notice = notice is "password-set" ? "Your password is set. Sign in with it now." : null,
        });

    /// <summary>A throwaway account and hash used only to spend hashing time on unknown e-mail addresses.</summary>
    private static class TimingDecoy
    {
        public static readonly AppUser User = new() { Id = Guid.Empty, UserName = "decoy" };

        public static readonly string Hash = new PasswordHasher<AppUser>().HashPassword(User, Guid.NewGuid().ToString());
    }
}
