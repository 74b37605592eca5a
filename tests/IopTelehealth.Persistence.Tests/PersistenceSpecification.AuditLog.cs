using System.Data.Common;
using IopTelehealth.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    [Fact]
    public async Task The_audit_log_port_writes_a_row_with_every_field()
    {
        var entry = new AuditEntry(new DateTimeOffset(2026, 3, 8, 1, 59, 59, TimeSpan.FromHours(-6)).AddTicks(9_999_990), AuditActions.PhiRead,
            AuditOutcome.Denied, Guid.NewGuid(), Guid.NewGuid(), "127.0.0.1", "patient", Guid.NewGuid().ToString(), "role:patient");

        await Database.Services.GetRequiredService<IAuditLog>().WriteAsync(entry, Ct);

        var stored = await Database.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.UserId == entry.UserId, Ct));
        Assert.NotEqual(0, stored.Id);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 59, 59, TimeSpan.Zero).AddTicks(9_999_990), stored.At);
        Assert.Equivalent(entry, stored, strict: true);
    }

    [Fact]
    public async Task The_database_refuses_a_raw_update_of_the_audit_log()
    {
        var entry = await WriteAuditEntryAsync();

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => Database.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Action\" = 'tampered' WHERE \"Id\" = {entry.Id}", Ct)));

        AssertRefusedByTrigger(refused);

        Assert.Equal(AuditActions.SignIn, await Database.WithDbAsync(db => db.AuditEntries.Where(a => a.Id == entry.Id).Select(a => a.Action).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_database_refuses_a_raw_delete_from_the_audit_log()
    {
        var entry = await WriteAuditEntryAsync();

        var raw = await Assert.ThrowsAnyAsync<DbException>(() => Database.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditLog\" WHERE \"Id\" = {entry.Id}", Ct)));
        // Bulk deletes skip SaveChanges and its check; only the database stands in their way.
        var bulk = await Assert.ThrowsAnyAsync<DbException>(() => Database.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteDeleteAsync(Ct)));

        AssertRefusedByTrigger(raw);
        AssertRefusedByTrigger(bulk);

        Assert.True(await Database.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Id == entry.Id, Ct)));
    }

    [Fact]
    public async Task Entity_framework_refuses_to_modify_or_remove_an_audit_row()
    {
        var entry = await WriteAuditEntryAsync();

        var modify = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.WithDbAsync(async db =>
        {
            var stored = await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, Ct);
            db.Entry(stored).Property(a => a.Action).CurrentValue = "tampered";
            await db.SaveChangesAsync(Ct);
        }));
        var remove = await Assert.ThrowsAsync<InvalidOperationException>(() => Database.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }));

        Assert.Equal("The audit log is append-only.", modify.Message);
        Assert.Equal("The audit log is append-only.", remove.Message);
        Assert.Equal(AuditActions.SignIn, await Database.WithDbAsync(db => db.AuditEntries.Where(a => a.Id == entry.Id).Select(a => a.Action).SingleAsync(Ct)));
    }

    /// <summary>The migration's triggers raise this text; any other database error (a typo in the SQL) must not pass.</summary>
    private static void AssertRefusedByTrigger(DbException exception) =>
        Assert.Contains("audit log is append-only", exception.Message, StringComparison.Ordinal);

    private async Task<AuditEntry> WriteAuditEntryAsync()
    {
        var userId = Guid.NewGuid();
        await Database.Services.GetRequiredService<IAuditLog>().WriteAsync(
            new AuditEntry(DateTimeOffset.UtcNow, AuditActions.SignIn, AuditOutcome.Success, userId, Guid.NewGuid(), "127.0.0.1"), Ct);
        return await Database.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.UserId == userId, Ct));
    }
}
