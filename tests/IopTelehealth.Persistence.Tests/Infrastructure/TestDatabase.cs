using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Persistence.Tests.Infrastructure;

/// <summary>
/// One database of the provider under test, wired exactly as the server wires it (AddIopPersistence).
/// Every <see cref="WithDbAsync{T}"/> call gets a fresh scope and context, so a read after a write
/// comes from the database, never from the change tracker.
/// </summary>
public sealed class TestDatabase(DatabaseSettings settings, string dataDirectory, Func<Task> drop) : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddIopPersistence(settings, dataDirectory).BuildServiceProvider();

    public IServiceProvider Services => _services;

    public Task MigrateAsync() => _services.MigrateIopDatabaseAsync(TestContext.Current.CancellationToken);

    public async Task<T> WithDbAsync<T>(Func<IopDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IopDbContext>());
    }

    public async Task WithDbAsync(Func<IopDbContext, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<IopDbContext>());
    }

    /// <summary>Adds the entities in one unit of work.</summary>
    public Task AddAsync(params object[] entities) => WithDbAsync(db =>
    {
        db.AddRange(entities);
        return db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await drop();
    }
}
