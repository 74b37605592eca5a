namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// Server tests run on SQLite unless IOP_TEST_SERVER_DB=postgresql, in which case they use a fresh database on the
/// PostgreSQL server that infra/test.sh started (IOP_TEST_POSTGRES holds its admin connection string).
/// </summary>
internal static class TestDatabase
{
    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("IOP_TEST_SERVER_DB"), "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var admin = Environment.GetEnvironmentVariable("IOP_TEST_POSTGRES")
            ?? throw new InvalidOperationException("IOP_TEST_SERVER_DB=postgresql needs IOP_TEST_POSTGRES (set by infra/test.sh).");
        yield return new("Database:Provider", "PostgreSql");
        yield return new("Database:ConnectionString", $"{admin};Database=iop_server_{Guid.NewGuid():N}");
    }
}
