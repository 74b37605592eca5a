using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Account.Pages;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace IopTelehealth.Identity.Account;

/// <summary>Invite links (admin-issued password resets): the only way a password is set or reset, since there is no e-mail.</summary>
internal static class InviteHandlers
{
    private const string BadLink = "This invite link is invalid or has expired. Ask your clinic for a new one.";

    public static RazorComponentResult<InvitePage> Show(HttpContext context, IAntiforgery antiforgery, string? uid, string? token) =>
        Page(context, antiforgery, uid, token, string.IsNullOrEmpty(uid) || string.IsNullOrEmpty(token) ? [BadLink] : []);

    public static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, UserManager<AppUser> users, SecurityAudit audit)
    {
        if (!await AccountEndpoints.ValidFormAsync(context, antiforgery))
        {
            return Page(context, antiforgery, null, null, ["Your form expired. Open the invite link again."]);
        }

        var form = await context.Request.ReadFormAsync();
        string uid = form["uid"].ToString(), token = form["token"].ToString(), password = form["password"].ToString();
        if (password != form["confirm"].ToString())
        {
            return Page(context, antiforgery, uid, token, ["The two passwords differ."]);
        }

        var user = Guid.TryParse(uid, out _) ? await users.FindByIdAsync(uid) : null;
        if (user is null)
        {
            await audit.WriteAsync(AuditActions.PasswordSet, AuditOutcome.Failure, detail: "unknown-account");
            return Page(context, antiforgery, uid, token, [BadLink]);
        }

        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            var tokenProblem = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            await audit.WriteAsync(AuditActions.PasswordSet, AuditOutcome.Failure, user.Id, user.ClinicId, detail: tokenProblem ? "invalid-token" : "policy");
            return Page(context, antiforgery, uid, token, tokenProblem ? [BadLink] : [.. result.Errors.Select(e => e.Description)]);
        }

        // The invite proves the admin vouched for this person again: a lockout from earlier guessing no longer applies.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditActions.PasswordSet, AuditOutcome.Success, user.Id, user.ClinicId, targetType: "user", targetId: user.Id.ToString());
        return Results.Redirect("/account/login?notice=password-set");
    }

    private static RazorComponentResult<InvitePage> Page(HttpContext context, IAntiforgery antiforgery, string? uid, string? token, IReadOnlyList<string> errors) =>
        new(new { Token = AntiforgeryField.For(context, antiforgery), UserId = uid, InviteToken = token, Errors = errors, Done = false });
}
