using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Audit;
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
/// /connect/token (passthrough). Code and refresh redemption re-check the account and re-read its claims;
/// client credentials issue a service principal scoped to the client's clinic and are audited.
/// Single-use codes, refresh rotation and reuse revocation are OpenIddict's (reuse leeway set to zero).
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        PrincipalFactory principals, IOpenIddictApplicationManager applications, SecurityAudit audit)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        // A device code carries the room device's own account (created at approval): re-checked here like any account.
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType() || request.IsDeviceCodeGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return Reject(Errors.InvalidGrant, "The account can no longer sign in.");
            }

            var mfa = result.Principal!.HasClaim(IopClaims.AuthenticationMethod, IopClaims.MfaMethod);
            var principal = await principals.CreateAsync(user, result.Principal!.GetScopes(), mfa);
            return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!)
                ?? throw new InvalidOperationException("The client was authenticated but cannot be found.");
            var properties = await applications.GetPropertiesAsync(application);
            var clinicId = properties.TryGetValue(IopClaims.ClinicId, out var value) && Guid.TryParse(value.GetString(), out var id) ? id : Guid.Empty;
            if (clinicId == Guid.Empty)
            {
                await audit.WriteAsync(AuditActions.ServiceTokenIssued, AuditOutcome.Denied, detail: $"client:{request.ClientId}:no-clinic");
                return Reject(Errors.UnauthorizedClient, "The client is not attached to a clinic.");
            }

            await audit.WriteAsync(AuditActions.ServiceTokenIssued, AuditOutcome.Success, clinicId: clinicId, targetType: "client", targetId: request.ClientId);
            return Results.SignIn(PrincipalFactory.CreateForService(request.ClientId!, clinicId, request.GetScopes()),
                properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Reject(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static IResult Reject(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
