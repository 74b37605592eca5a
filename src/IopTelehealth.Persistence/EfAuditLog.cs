using IopTelehealth.Domain.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Persistence;

/// <summary>
/// Audit rows are written in a context of their own: a failed sign-in or a refused request must leave its row
/// even when the caller's unit of work is abandoned.
/// </summary>
public sealed class EfAuditLog(IServiceScopeFactory scopes) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
