using IopTelehealth.Persistence;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.MultiNode;

/// <summary>
/// Two server processes (the built IopTelehealth.Server.dll) on their own loopback ports, sharing a private redis-server,
/// one database and one data folder. They act as one deployment behind a load balancer:
/// <list type="bullet">
/// <item>one issuer: both are configured with node A's URL as <c>Identity:Issuer</c>, so a token from A is valid on B;</item>
/// <item>one set of keys: the same <c>Storage:DataDirectory</c>, where A generates the signing/encryption PEM files and the
/// web-client secret on its first start (B starts only once A listens, and reads them); Data Protection keys live in Redis;</item>
/// <item>one database: the run's database (<see cref="TestDatabase"/>: PostgreSQL in the PostgreSQL run, else a SQLite file
/// in WAL mode in the shared folder), migrated and seeded by A;</item>
/// <item>one Redis: room and presence stores and the SignalR backplane (<c>Redis:Configuration</c>).</item>
/// </list>
/// Room timings are the defaults (node heartbeat with every 2 s sweep, node timeout 8 s), which the node-loss bound is about.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly ServerDeployment _deployment = new();
    private RedisServerProcess? _redis;

    public ServerProcess NodeA { get; private set; } = null!;

    public ServerProcess NodeB { get; private set; } = null!;

    public Uri AddressA { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public Uri AddressB { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServerProcess.StartAsync();
        NodeA = await _deployment.StartNodeAsync(AddressA, AddressA, _redis.Endpoint);
        NodeB = await _deployment.StartNodeAsync(AddressB, AddressA, _redis.Endpoint);
    }

    /// <summary>The cluster's Redis (host:port), for a test that acts as a third node.</summary>
    public string RedisEndpoint => _redis!.Endpoint;

    /// <summary>An access token for a demo account, from node A (the issuer of both nodes).</summary>
    public Task<string> TokenAsync(string email) => RoomParticipants.SignInForTokenAsync(AddressA, email);

    /// <summary>The demo's "open now" session, read from the shared database.</summary>
    public Task<Guid> OpenSessionIdAsync() =>
        QueryAsync(db => db.Sessions.Where(s => s.Topic == DemoAccounts.DropInTopic).Select(s => s.Id).FirstAsync());

    /// <summary>A query on the cluster's shared database, in a context of its own.</summary>
    public Task<T> QueryAsync<T>(Func<IopDbContext, Task<T>> query) => _deployment.QueryAsync(query);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { NodeB, NodeA }.Where(n => n is not null))
        {
            await node.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _deployment.Dispose();
    }
}
