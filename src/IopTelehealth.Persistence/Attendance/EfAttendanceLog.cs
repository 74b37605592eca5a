using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Persistence.Attendance;

/// <summary>
/// The ledger on EF Core (SQLite or PostgreSQL). One transaction per session: take the session's lock row, insert the
/// events whose ids are new, then rebuild the intervals of the people they concern from all their events. Round trips per
/// write: begin, lock, known-ids, insert, read events, replace intervals, commit (docs/benchmarks.md has the cost).
/// Each call uses its own context so the sink can run from any scope and a failed write never poisons the caller's.
/// </summary>
public sealed class EfAttendanceLog(IServiceScopeFactory scopes, TimeProvider clock) : IAttendanceLog
{
    public async Task<int> RecordAsync(IReadOnlyList<AttendanceEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var added = 0;
        foreach (var session in events.DistinctBy(e => e.EventId, StringComparer.Ordinal).GroupBy(e => e.SessionId))
        {
            added += await RecordSessionAsync(session.Key, [.. session], cancellationToken);
        }

        return added;
    }

    public async Task<IReadOnlyList<AttendanceInterval>> SessionIntervalsAsync(SessionId sessionId, CancellationToken cancellationToken = default) =>
        await IntervalsAsync([sessionId], cancellationToken);

    public async Task<IReadOnlyList<AttendanceInterval>> IntervalsAsync(IReadOnlyCollection<SessionId> sessionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        if (sessionIds.Count == 0)
        {
            return [];
        }

        var ids = sessionIds.Select(s => s.Value).Distinct().ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        var rows = await db.AttendanceIntervals.AsNoTracking().Where(i => ids.Contains(i.SessionId)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.SessionId).ThenBy(r => r.UserId).ThenBy(r => r.Start).Select(r => r.ToInterval())];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> AttestedLocationsAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        var rows = await db.AttendanceEvents.AsNoTracking()
            .Where(e => e.SessionId == sessionId.Value && e.Location != null)
            .Select(e => new { e.UserId, e.At, e.Sequence, e.Location })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.At).ThenBy(r => r.Sequence).Last().Location!);
    }

    public async Task<IReadOnlyList<AttendanceInterval>> OpenIntervalsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        // Served by the filtered unique index on open intervals (End IS NULL) on both databases.
        var rows = await db.AttendanceIntervals.AsNoTracking().Where(i => i.End == null).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToInterval())];
    }

    public async Task<AttendanceInterval?> OpenIntervalAsync(SessionId sessionId, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        var row = await db.AttendanceIntervals.AsNoTracking()
            .SingleOrDefaultAsync(i => i.SessionId == sessionId.Value && i.UserId == userId && i.End == null, cancellationToken);
        return row?.ToInterval();
    }

    private async Task<int> RecordSessionAsync(SessionId sessionId, List<AttendanceEvent> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IopDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var key = sessionId.ToString();
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"AttendanceSessionLocks\" (\"SessionKey\", \"Version\") VALUES ({key}, 1) ON CONFLICT (\"SessionKey\") DO UPDATE SET \"Version\" = \"AttendanceSessionLocks\".\"Version\" + 1",
                cancellationToken);

            var ids = batch.Select(e => e.EventId).ToList();
            var known = await db.AttendanceEvents.Where(e => ids.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken);
            var fresh = batch.Where(e => !known.Contains(e.EventId, StringComparer.Ordinal)).ToList();
            if (fresh.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return 0;
            }

            var now = clock.GetUtcNow();
            db.AttendanceEvents.AddRange(fresh.Select(e => AttendanceEventRow.From(e, now)));
            await db.SaveChangesAsync(cancellationToken);

            // A session's end touches everyone who has events in it; any other fact only its own person.
            var sessionWide = fresh.Any(e => e.Kind == AttendanceEventKind.SessionEnded);
            var users = fresh.Where(e => e.UserId != Guid.Empty).Select(e => e.UserId).Distinct().ToList();
            var rows = await db.AttendanceEvents.AsNoTracking()
                .Where(e => e.SessionId == sessionId.Value && (sessionWide || e.UserId == Guid.Empty || users.Contains(e.UserId)))
                .ToListAsync(cancellationToken);
            var all = rows.Select(r => r.ToEvent()).ToList();
            var affected = sessionWide ? all.Where(e => e.UserId != Guid.Empty).Select(e => e.UserId).Distinct().ToList() : users;

            await db.AttendanceIntervals.Where(i => i.SessionId == sessionId.Value && affected.Contains(i.UserId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var user in affected)
            {
                db.AttendanceIntervals.AddRange(IntervalFold.Fold(sessionId, user, all).Select(AttendanceIntervalRow.From));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return fresh.Count;
        });
    }
}
