using IopTelehealth.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    // A model change without its migration needs no test of its own: MigrateAsync refuses pending model changes
    // (EF Core 9+), so every fixture of this suite fails with EF's message.
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing()
    {
        var database = Fixture.CreateEmptyDatabase();
        var all = await database.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        Assert.Contains(all, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Contains(all, m => m.EndsWith("_AuditLogAppendOnly", StringComparison.Ordinal));
        Assert.Equal(all, await database.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList()));

        await database.MigrateAsync();
        Assert.Equal(all, await database.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync(Ct)).ToList()));
        var clinic = Seed.Clinic();
        await database.AddAsync(clinic);

        await database.MigrateAsync();

        Assert.Equal(all, await database.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync(Ct)).ToList()));
        Assert.Empty(await database.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync(Ct)).ToList()));
        Assert.Equal(clinic.Name, await database.WithDbAsync(db => db.Clinics.Where(c => c.Id == clinic.Id).Select(c => c.Name).SingleAsync(Ct)));
    }
}
