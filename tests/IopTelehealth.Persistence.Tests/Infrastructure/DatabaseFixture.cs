namespace IopTelehealth.Persistence.Tests.Infrastructure;

/// <summary>
/// The databases of one test class: <see cref="Main"/> is created empty and migrated once; tests that must start
/// from nothing (migrations) ask for more with <see cref="CreateEmptyDatabase"/>. All are dropped at the end.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private readonly List<TestDatabase> _databases = [];

    public TestDatabase Main { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Main = CreateEmptyDatabase();
        await Main.MigrateAsync();
    }

    /// <summary>A database with no schema at all; on PostgreSQL it does not exist until the first migration creates it.</summary>
    public TestDatabase CreateEmptyDatabase()
    {
        var database = CreateDatabase();
        _databases.Add(database);
        return database;
    }

    protected abstract TestDatabase CreateDatabase();

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        DeleteLeftovers();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called after every database was disposed.</summary>
    protected virtual void DeleteLeftovers() { }
}
