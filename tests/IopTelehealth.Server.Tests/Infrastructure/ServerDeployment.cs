using IopTelehealth.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// What server processes of one deployment share: one data folder (keys, life mark, outbox) and one database (the run's:
/// PostgreSQL in the PostgreSQL run, else SQLite in the folder), plus an optional Redis. Starts nodes of it and queries its database.
/// </summary>
public sealed class ServerDeployment : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, string?> _database = TestDatabase.Settings().ToDictionary(p => p.Key, p => p.Value);

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("iop-deployment-").FullName;

    /// <summary>A node at <paramref name="address"/> with the demo seed; <paramref name="issuer"/> is the deployment's one token issuer.</summary>
    public async Task<ServerProcess> StartNodeAsync(Uri address, Uri issuer, string? redisEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(issuer);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["Identity__Issuer"] = issuer.ToString(),
            ["Identity__AllowInsecureHttp"] = "true",
            ["Storage__DataDirectory"] = DataDirectory,
            ["Demo__Seed"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (redisEndpoint is not null)
        {
            environment["Redis__Configuration"] = redisEndpoint;
        }

        foreach (var (key, value) in _database)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var node = new ServerProcess(environment);
        if (!await node.WaitForOutputAsync("IopTelehealth is listening on", StartTimeout))
        {
            var output = $"{node.StandardOutput}\n{node.StandardError}";
            await node.DisposeAsync();
            throw new InvalidOperationException($"The node at {address} did not start within {StartTimeout.TotalSeconds} s:\n{output}");
        }

        return node;
    }

    /// <summary>A query on the deployment's database, in a context of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<IopDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(_database).Build().GetSection(DatabaseSettings.Section).Get<DatabaseSettings>()
            ?? new DatabaseSettings();
        await using var services = new ServiceCollection().AddIopPersistence(settings, DataDirectory).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IopDbContext>());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A killed node may leave the SQLite WAL behind for a moment; the run's temp folder is removed anyway.
        }
    }
}
