using System.Security.Claims;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Account.Pages;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace IopTelehealth.Identity.Account;

internal static class MfaHandlers
{
    private const string WrongCode = "That code did not work. Check the time on your device and try the newest code.";

    public static async Task<IResult> ShowVerifyAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? ToLogin(returnUrl) : Verify(context, antiforgery, returnUrl, null, recovery: false);

    public static async Task<IResult> ShowRecoveryAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? ToLogin(returnUrl) : Verify(context, antiforgery, returnUrl, null, recovery: true);

    public static Task<IResult> VerifyAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityAudit audit) =>
        SecondFactorAsync(context, antiforgery, signIn, users, audit, recovery: false);

    public static Task<IResult> RecoverAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users, SecurityAudit audit) =>
        SecondFactorAsync(context, antiforgery, signIn, users, audit, recovery: true);

    public static async Task<IResult> ShowEnrollAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, string? returnUrl)
    {
        var user = await MfaEnrollment.CurrentUserAsync(context, users);
        return user is null ? ToLogin(returnUrl) : await EnrollPageAsync(context, antiforgery, users, user, returnUrl, null);
    }

    public static async Task<IResult> EnrollAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users,
        SignInManager<AppUser> signIn, SecurityAudit audit)
    {
        var user = await MfaEnrollment.CurrentUserAsync(context, users);
        if (user is null || !await AccountEndpoints.ValidFormAsync(context, antiforgery))
        {
            return ToLogin(null);
        }

        var form = await context.Request.ReadFormAsync();
        var returnUrl = ReturnUrls.Safe(form["returnUrl"]);
        var code = Normalize(form["code"]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await audit.WriteAsync(AuditActions.MfaEnrolled, AuditOutcome.Failure, user.Id, user.ClinicId, detail: "wrong-code");
            return await EnrollPageAsync(context, antiforgery, users, user, returnUrl, WrongCode);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.WriteAsync(AuditActions.MfaEnrolled, AuditOutcome.Success, user.Id, user.ClinicId, targetType: "user", targetId: user.Id.ToString());
        await context.SignOutAsync(MfaEnrollment.Scheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(IopClaims.AuthenticationMethod, IopClaims.MfaMethod)]);
        await audit.WriteAsync(AuditActions.SignIn, AuditOutcome.Success, user.Id, user.ClinicId, detail: "mfa-enrolment");
        return new RazorComponentResult<RecoveryCodesPage>(new { Codes = codes, ContinueUrl = returnUrl });
    }

    private static async Task<IResult> SecondFactorAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn,
        UserManager<AppUser> users, SecurityAudit audit, bool recovery)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !await AccountEndpoints.ValidFormAsync(context, antiforgery))
        {
            return ToLogin(null);
        }

        var form = await context.Request.ReadFormAsync();
        var returnUrl = ReturnUrls.Safe(form["returnUrl"]);
        var wasLocked = await users.IsLockedOutAsync(user);
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync((form["code"].ToString()).Replace(" ", "", StringComparison.Ordinal).Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(Normalize(form["code"]), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(recovery ? AuditActions.RecoveryCodeUsed : AuditActions.SignIn, AuditOutcome.Success, user.Id, user.ClinicId, detail: "mfa");
            return Results.LocalRedirect(returnUrl);
        }

        await LoginHandlers.AuditFailureAsync(audit, user, result, wasLocked);
        return result.IsLockedOut
            ? ToLogin(returnUrl)
            : Verify(context, antiforgery, returnUrl, WrongCode, recovery);
    }

    private static async Task<IResult> EnrollPageAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, AppUser user,
        string? returnUrl, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        return new RazorComponentResult<MfaEnrollPage>(new
        {
            Token = AntiforgeryField.For(context, antiforgery),
            ReturnUrl = ReturnUrls.Safe(returnUrl),
            QrSvg = MfaEnrollment.QrSvg(MfaEnrollment.AuthenticatorUri(user.Email ?? user.UserName ?? "", key)),
            FormattedKey = MfaEnrollment.Format(key),
            Error = error,
        });
    }

    private static RazorComponentResult<MfaPage> Verify(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, bool recovery) =>
        new(new { Token = AntiforgeryField.For(context, antiforgery), ReturnUrl = ReturnUrls.Safe(returnUrl), Error = error, RecoveryMode = recovery });

    private static IResult ToLogin(string? returnUrl) => Results.Redirect($"/account/login?returnUrl={Uri.EscapeDataString(ReturnUrls.Safe(returnUrl))}");

    /// <summary>Authenticator apps show "123 456"; people type "123-456". Recovery codes keep their own dash.</summary>
    private static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
