using Microsoft.Data.Sqlite;

namespace IopTelehealth.Persistence.Tests.Infrastructure;

/// <summary>SQLite files in a temp folder of this test class.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iop-persistence-").FullName;

    protected override TestDatabase CreateDatabase()
    {
        var settings = new DatabaseSettings
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder, $"{Guid.NewGuid():N}.db")}",
        };
        return new TestDatabase(settings, _folder, () => Task.CompletedTask);
    }

    protected override void DeleteLeftovers()
    {
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
