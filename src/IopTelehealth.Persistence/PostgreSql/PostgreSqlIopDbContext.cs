using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.PostgreSql;

/// <summary>The production store.</summary>
public sealed class PostgreSqlIopDbContext(DbContextOptions<PostgreSqlIopDbContext> options) : IopDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcNormalizingDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcNormalizingDateTimeOffsetConverter>();
    }
}
