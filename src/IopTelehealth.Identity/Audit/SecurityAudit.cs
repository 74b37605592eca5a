using System.Security.Claims;
using IopTelehealth.Domain.Audit;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;

namespace IopTelehealth.Identity.Audit;

/// <summary>Writes audit rows for the current request: who (from the principal or given), where from (IP) and when.</summary>
public sealed class SecurityAudit(IAuditLog log, IHttpContextAccessor http, TimeProvider clock)
{
    public Task WriteAsync(string action, AuditOutcome outcome, Guid? userId = null, Guid? clinicId = null,
        string? targetType = null, string? targetId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        var context = http.HttpContext;
        var user = context?.User;
        userId ??= ReadGuid(user, OpenIddictConstants.Claims.Subject) ?? ReadGuid(user, ClaimTypes.NameIdentifier);
        clinicId ??= ReadGuid(user, IopClaims.ClinicId);
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        return log.WriteAsync(new AuditEntry(clock.GetUtcNow(), action, outcome, userId, clinicId, ip, targetType, targetId, detail), cancellationToken);
    }

    private static Guid? ReadGuid(ClaimsPrincipal? principal, string type) =>
        Guid.TryParse(principal?.FindFirst(type)?.Value, out var id) ? id : null;
}
