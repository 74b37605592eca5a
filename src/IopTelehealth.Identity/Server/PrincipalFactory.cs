using System.Security.Claims;
using IopTelehealth.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Identity.Server;

/// <summary>
/// Builds the principal that OpenIddict turns into tokens. Claims are re-read from the store at every issuance
/// (code and refresh redemption) so a role change or lockout takes effect at the next refresh.
/// </summary>
public sealed class PrincipalFactory(UserManager<AppUser> users)
{
    public async Task<ClaimsPrincipal> CreateAsync(AppUser user, IEnumerable<string> scopes, bool mfa)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Email)
            .SetClaim(IopClaims.ClinicId, user.ClinicId.ToString())
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        if (mfa)
        {
            identity.SetClaim(IopClaims.AuthenticationMethod, IopClaims.MfaMethod);
        }

        identity.SetScopes(scopes);
        identity.SetResources(IopScopes.ApiResource);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    public static ClaimsPrincipal CreateForService(string clientId, Guid clinicId, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, clientId)
            .SetClaim(IopClaims.ClinicId, clinicId.ToString())
            .SetClaim(Claims.Role, "service");
        identity.SetScopes(scopes);
        identity.SetResources(IopScopes.ApiResource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        // The web client needs who/which clinic/which roles in its cookie (from the identity token) and the API in the access token.
        Claims.Subject or Claims.Name or Claims.Email or Claims.Role or IopClaims.ClinicId or IopClaims.AuthenticationMethod
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
