using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;

namespace IopTelehealth.Identity.Server;

/// <summary>/connect/logout: ends the identity server session, then returns to the client's registered post-logout URI.</summary>
public static class LogoutEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SecurityAudit audit)
    {
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Succeeded)
        {
            context.User = session.Principal!;
            await audit.WriteAsync(AuditActions.SignOut, AuditOutcome.Success);
        }

        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
