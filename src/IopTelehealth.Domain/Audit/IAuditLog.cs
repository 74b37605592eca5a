namespace IopTelehealth.Domain.Audit;

/// <summary>Port: the append-only audit log. Implementations never update or delete rows.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
