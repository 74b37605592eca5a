using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.PostgreSql;

/// <summary>The production store.</summary>
public sealed class PostgreSqlIopDbContext(DbContextOptions<PostgreSqlIopDbContext> options) : IopDbContext(options);
