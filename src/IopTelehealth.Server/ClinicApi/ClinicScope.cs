using IopTelehealth.Contracts;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Audit;
using IopTelehealth.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>
/// The one authorization path of the clinic services, shared by the HTTP API and the server-rendered pages:
/// role first (a patient is refused before any record is looked up), then clinic (a record of another clinic is
/// reported exactly like a missing one, and the attempt is audited).
/// </summary>
internal sealed class ClinicScope(IopDbContext db, IHttpContextAccessor http, SecurityAudit audit)
{
    /// <summary>The caller when their role may do <paramref name="access"/> on <paramref name="resource"/>; otherwise null, audited.</summary>
    public async Task<CurrentCaller?> AuthorizeAsync(ClinicResource resource, ClinicAccess access, Guid? targetId, CancellationToken cancellationToken)
    {
        var caller = CurrentCaller.From(http.HttpContext?.User);
        if (caller is not null && resource.RolesFor(access).Any(caller.IsInRole))
        {
            return caller;
        }

        await audit.WriteAsync(AuditActions.Forbidden, AuditOutcome.Denied, targetType: resource.Name, targetId: targetId?.ToString(),
            detail: access == ClinicAccess.Write ? "write" : "read", cancellationToken: cancellationToken);
        return null;
    }

    /// <summary>
    /// Loads a record of the caller's clinic. A record that exists in another clinic is never materialized: only its
    /// existence is checked, to write the cross-clinic audit row.
    /// </summary>
    public async Task<T?> FindAsync<T>(CurrentCaller caller, IQueryable<T> query, Guid id, string targetType, CancellationToken cancellationToken)
        where T : class
    {
        var entity = await query.FirstOrDefaultAsync(
            e => EF.Property<Guid>(e, "Id") == id && EF.Property<Guid>(e, "ClinicId") == caller.ClinicId, cancellationToken);
        if (entity is null)
        {
            await AuditIfElsewhereAsync<T>(id, targetType, cancellationToken);
        }

        return entity;
    }

    /// <summary>For ids named inside an input (a group's program, an enrollment's patient): audit when they belong to another clinic.</summary>
    public async Task AuditIfElsewhereAsync<T>(Guid id, string targetType, CancellationToken cancellationToken)
        where T : class
    {
        if (await db.Set<T>().AnyAsync(e => EF.Property<Guid>(e, "Id") == id, cancellationToken))
        {
            await audit.WriteAsync(AuditActions.CrossClinicAccess, AuditOutcome.Denied, targetType: targetType, targetId: id.ToString(),
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Bad input changes nothing: the half-applied entity is dropped from the unit of work, so a later save in the same
    /// scope (a page's circuit) cannot persist it by accident.
    /// </summary>
    public ApiResult<T> Reject<T>(DomainRuleException exception, IReadOnlyDictionary<string, FieldAlias>? fields = null)
    {
        db.ChangeTracker.Clear();
        return InputValidation.FromDomain<T>(exception, fields);
    }

    /// <summary>Saves; a unique index that a concurrent request won first is a conflict, not a server error.</summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task AuditAsync(string action, string targetType, Guid? targetId, string? detail, CancellationToken cancellationToken) =>
        audit.WriteAsync(action, AuditOutcome.Success, targetType: targetType, targetId: targetId?.ToString(), detail: detail,
            cancellationToken: cancellationToken);
}
