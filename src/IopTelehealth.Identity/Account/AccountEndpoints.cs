using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IopTelehealth.Identity.Account;

/// <summary>The identity server's own pages: sign-in, second factor, enrolment and invite links.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/account").AllowAnonymous().DisableAntiforgery();
        account.MapGet("/login", LoginHandlers.ShowAsync);
        account.MapPost("/login", LoginHandlers.SubmitAsync);
        account.MapGet("/mfa", MfaHandlers.ShowVerifyAsync);
        account.MapPost("/mfa", MfaHandlers.VerifyAsync);
        account.MapGet("/recovery", MfaHandlers.ShowRecoveryAsync);
        account.MapPost("/recovery", MfaHandlers.RecoverAsync);
        account.MapGet("/mfa/enroll", MfaHandlers.ShowEnrollAsync);
        account.MapPost("/mfa/enroll", MfaHandlers.EnrollAsync);
        account.MapGet("/invite", InviteHandlers.Show);
        account.MapPost("/invite", InviteHandlers.SubmitAsync);
        return routes;
    }

    /// <summary>
    /// Form posts validate the antiforgery token explicitly: the handlers bind the form themselves so a bad post
    /// re-renders the page with a message instead of a bare 400.
    /// </summary>
    internal static async Task<bool> ValidFormAsync(HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context);
}
