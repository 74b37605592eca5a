using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Seeding;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>Ids of the seeded demo records and the audit rows, read from the server's database (arrange and assert only).</summary>
public static class DemoData
{
    public static Task<Guid> UserIdAsync(this IopServer server, string email) =>
        server.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> DemoGroupIdAsync(this IopServer server) =>
        server.WithDbAsync(db => db.Groups.Where(g => g.Name == DemoAccounts.GroupName).Select(g => g.Id).SingleAsync());

    public static Task<Guid> DemoProgramIdAsync(this IopServer server) =>
        server.WithDbAsync(db => db.Programs.Where(p => p.Name == DemoAccounts.ProgramName).Select(p => p.Id).SingleAsync());

    public static async Task<Guid> StaffIdAsync(this IopServer server, string email)
    {
        var userId = await server.UserIdAsync(email);
        return await server.WithDbAsync(db => db.Staff.Where(s => s.UserId == userId).Select(s => s.Id).SingleAsync());
    }

    public static async Task<Guid> PatientIdAsync(this IopServer server, string email)
    {
        var userId = await server.UserIdAsync(email);
        return await server.WithDbAsync(db => db.Patients.Where(p => p.UserId == userId).Select(p => p.Id).SingleAsync());
    }

    /// <summary>Audit rows of one action, newest first.</summary>
    public static Task<List<AuditEntry>> AuditAsync(this IopServer server, string action) =>
        server.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == action).OrderByDescending(a => a.Id).ToListAsync());
}
