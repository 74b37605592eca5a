using IopTelehealth.Persistence.PostgreSql;
using IopTelehealth.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IopTelehealth.Persistence;

/// <summary>Used only by `dotnet ef migrations add`; no database is contacted.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIopDbContext>
{
    public SqliteIopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIopDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIopDbContext>
{
    public PostgreSqlIopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlIopDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
