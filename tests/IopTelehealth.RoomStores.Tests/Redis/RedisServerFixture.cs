using IopTelehealth.Testing;
using StackExchange.Redis;

namespace IopTelehealth.RoomStores.Tests.Redis;

/// <summary>
/// A real Redis for one test class: the server named by <c>IOP_TEST_REDIS</c> (host:port, set by the CI script) with a
/// key prefix of this fixture's own, or else a private <see cref="RedisServerProcess"/>. Two multiplexers stand for two server
/// nodes. Missing Redis fails the tests: never skipped.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServerProcess? _server;
    private ConnectionMultiplexer? _nodeA;
    private ConnectionMultiplexer? _nodeB;

    public string Endpoint { get; private set; } = "";

    /// <summary>Keys of this fixture start with it, so fixtures sharing the CI server never see each other's keys.</summary>
    public string KeyPrefix { get; } = $"iop-test:{Guid.NewGuid():N}:";

    public IReadOnlyList<IConnectionMultiplexer> Nodes => [_nodeA!, _nodeB!];

    public async ValueTask InitializeAsync()
    {
        var shared = Environment.GetEnvironmentVariable(RedisServerProcess.ServerVariable)?.Trim();
        if (string.IsNullOrEmpty(shared))
        {
            _server = await RedisServerProcess.StartAsync();
        }

        Endpoint = _server?.Endpoint ?? shared!.Replace("redis://", "", StringComparison.Ordinal);
        _nodeA = await ConnectionMultiplexer.ConnectAsync($"{Endpoint},abortConnect=true,allowAdmin=true");
        _nodeB = await ConnectionMultiplexer.ConnectAsync($"{Endpoint},abortConnect=true");
    }

    /// <summary>A key prefix for one test, under this fixture's prefix: every test starts from an empty store.</summary>
    public string NewTestPrefix() => $"{KeyPrefix}{Guid.NewGuid():N}:";

    public async ValueTask DisposeAsync()
    {
        if (_server is null && _nodeA is not null)
        {
            // Shared server: leave it as we found it.
            var server = _nodeA.GetServer(_nodeA.GetEndPoints()[0]);
            await foreach (var key in server.KeysAsync(pattern: $"{KeyPrefix}*"))
            {
                await _nodeA.GetDatabase().KeyDeleteAsync(key);
            }
        }

        if (_nodeA is not null)
        {
            await _nodeA.DisposeAsync();
        }

        if (_nodeB is not null)
        {
            await _nodeB.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
