using Npgsql;

namespace IopTelehealth.Persistence.Tests.Infrastructure;

/// <summary>
/// Fresh databases on the PostgreSQL server named by IOP_TEST_POSTGRES (infra/test.sh starts one).
/// Without it the tests fail: a suite that skips its production database proves nothing.
/// </summary>
public sealed class PostgreSqlDatabaseFixture : DatabaseFixture
{
    public const string Variable = "IOP_TEST_POSTGRES";

    private string? _admin;

    // Read on first use (in InitializeAsync), so a missing variable fails each test with the message below.
    private string Admin => _admin ??= AdminConnectionString();

    protected override TestDatabase CreateDatabase()
    {
        var connection = new NpgsqlConnectionStringBuilder(Admin) { Database = $"iop_persistence_{Guid.NewGuid():N}" };
        var settings = new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = connection.ConnectionString };
        return new TestDatabase(settings, Path.GetTempPath(), () => DropAsync(connection.Database));
    }

    private async Task DropAsync(string database)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        // FORCE ends the pooled sessions the disposed provider may still hold.
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    private static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL persistence tests cannot run. Run infra/test.sh, or start a server with " +
                $"infra/postgres-dev.sh and export the {Variable} line it prints.");
        }

        // The admin connection string names no database; administrative commands go to the maintenance one.
        return new NpgsqlConnectionStringBuilder(value) { Database = "postgres" }.ConnectionString;
    }
}
