using System.Security.Claims;
using IopTelehealth.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>
/// Who is calling, read from either the web session or a bearer token (both carry sub, clinic_id and role claims).
/// Every clinic service scopes its queries by <see cref="ClinicId"/>.
/// </summary>
public sealed record CurrentCaller(Guid UserId, Guid ClinicId, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    public static CurrentCaller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirst(Claims.Subject)?.Value, out var userId)
            || !Guid.TryParse(principal.FindFirst(IopClaims.ClinicId)?.Value, out var clinicId))
        {
            return null;
        }

        return new CurrentCaller(userId, clinicId, principal.FindAll(Claims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }
}
