namespace IopTelehealth.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
}

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseSettings
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to iop.db in the data folder. Required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
