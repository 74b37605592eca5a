using IopTelehealth.Domain;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Identity.Server;

/// <summary>
/// /connect/authorize (passthrough). Parameters (PKCE, redirect_uri, client) were already validated by OpenIddict;
/// here we only decide who the user is. All clients are first-party, so consent is implicit.
/// </summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn, PrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await users.GetUserAsync(session.Principal!) : null;
        var mfa = session.Principal?.HasClaim(IopClaims.AuthenticationMethod, IopClaims.MfaMethod) == true;

        if (user is null || request.HasPromptValue(PromptValues.Login) || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user)
            || (Roles.RequiresMfa(await users.GetRolesAsync(user)) && !mfa))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // Come back here after the login page; strip prompt=login so the loop ends.
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            if (session.Succeeded)
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.CreateAsync(user, request.GetScopes(), mfa);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
