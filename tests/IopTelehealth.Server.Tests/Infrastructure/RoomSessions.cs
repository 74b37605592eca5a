using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence.Attendance;
using IopTelehealth.Server.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// A room of its own for each test (a new session of the demo group), and the server's own view of it for asserting
/// that a refused call changed nothing: the stored room, its chat, the audit log.
/// </summary>
public static class RoomSessions
{
    /// <summary>
    /// A three-hour session of the demo group starting <paramref name="startsIn"/> from now (default: started 5 minutes ago).
    /// With <paramref name="holdFollowUps"/> it is stored together with a follow-up run, so the periodic pass leaves it alone
    /// until <see cref="ReleaseFollowUpsAsync"/>: a test can record its attendance before the pass looks at it.
    /// </summary>
    public static Task<Guid> NewSessionAsync(this IopServer server, TimeSpan? startsIn = null, bool holdFollowUps = false) => server.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
        var clinic = await db.Clinics.SingleAsync(c => c.Id == group.ClinicId);
        var start = DateTimeOffset.UtcNow + (startsIn ?? TimeSpan.FromMinutes(-5));
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZoneId)).DateTime);
        var session = new GroupSession(Guid.NewGuid(), clinic.Id, group.Id, scheduleId: null, new SessionSlot(localDate, start, start.AddHours(3), "Room test"));
        db.Add(session);
        if (holdFollowUps)
        {
            db.FollowUpRuns.Add(new FollowUpRun { SessionId = session.Id, At = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync();
        return session.Id;
    });

    public static Task ReleaseFollowUpsAsync(this IopServer server, Guid sessionId) =>
        server.WithDbAsync(db => db.FollowUpRuns.Where(r => r.SessionId == sessionId).ExecuteDeleteAsync());

    public static Task<RoomState?> StoredRoomAsync(this IopServer server, Guid sessionId) =>
        server.Services.GetRequiredService<IRoomStore>().GetAsync(new SessionId(sessionId));

    /// <summary>The stored room's version: every transition bumps it, so an equal version means nothing changed.</summary>
    public static async Task<long> RoomVersionAsync(this IopServer server, Guid sessionId) => (await server.StoredRoomAsync(sessionId))?.Version ?? -1;

    public static Task<IReadOnlyList<ChatMessage>> StoredChatAsync(this IopServer server, Guid sessionId) =>
        server.Services.GetRequiredService<IRoomStore>().ReadChatAsync(new SessionId(sessionId), 500);

    /// <summary>Denied audit rows of one account and action, newest last.</summary>
    public static async Task<List<AuditEntry>> DeniedAuditAsync(this IopServer server, string email, string action)
    {
        var userId = await server.UserIdAsync(email);
        return await server.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == userId && a.Action == action && a.Outcome == AuditOutcome.Denied)
            .OrderBy(a => a.Id).ToListAsync());
    }
}
