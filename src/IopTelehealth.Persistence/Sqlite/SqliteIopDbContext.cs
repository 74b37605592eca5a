using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.Sqlite;

/// <summary>The embedded default store.</summary>
public sealed class SqliteIopDbContext(DbContextOptions<SqliteIopDbContext> options) : IopDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no native DateTimeOffset; all our instants are UTC, so store them as sortable UTC date-times
        // and keep range queries (sessions this week, lockout end) translatable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
