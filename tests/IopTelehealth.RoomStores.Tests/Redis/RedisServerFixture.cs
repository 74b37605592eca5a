using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace IopTelehealth.RoomStores.Tests.Redis;

/// <summary>
/// A real Redis for one test class: the server named by <c>IOP_TEST_REDIS</c> (host:port, set by the CI script) with a
/// key prefix of this fixture's own, or else a private <c>redis-server</c> on a free loopback port, started here and
/// killed by its process handle. Two multiplexers stand for two server nodes. Missing Redis fails the tests: never skipped.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public const string ServerVariable = "IOP_TEST_REDIS";

    private readonly ConcurrentQueue<string> _serverOutput = new();
    private Process? _server;
    private ConnectionMultiplexer? _nodeA;
    private ConnectionMultiplexer? _nodeB;

    public string Endpoint { get; private set; } = "";

    /// <summary>Keys of this fixture start with it, so fixtures sharing the CI server never see each other's keys.</summary>
    public string KeyPrefix { get; } = $"iop-test:{Guid.NewGuid():N}:";

    public IReadOnlyList<IConnectionMultiplexer> Nodes => [_nodeA!, _nodeB!];

    public async ValueTask InitializeAsync()
    {
        var shared = Environment.GetEnvironmentVariable(ServerVariable)?.Trim();
        Endpoint = string.IsNullOrEmpty(shared) ? await StartPrivateServerAsync() : shared.Replace("redis://", "", StringComparison.Ordinal);
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
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
            _server.Dispose();
        }
    }

    private async Task<string> StartPrivateServerAsync()
    {
        var executable = FindRedisServer() ?? throw new InvalidOperationException(
            $"redis-server was not found on PATH. Install it (apt-get install -y redis-server) or set {ServerVariable}=host:port " +
            "to a running Redis. The Redis store tests need a real server and are never skipped.");
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        _server.OutputDataReceived += (_, e) => Keep(e.Data);
        _server.ErrorDataReceived += (_, e) => Keep(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await Polling.UntilAsync(
            async () => _server.HasExited ? throw new InvalidOperationException($"redis-server exited with {_server.ExitCode}: {Output()}") : await AnswersPingAsync(port),
            TimeSpan.FromSeconds(15),
            () => $"redis-server on port {port} did not answer PING within 15 s: {Output()}");
        return $"127.0.0.1:{port}";
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _serverOutput.Enqueue(line);
        }
    }

    private string Output() => string.Join(" | ", _serverOutput.TakeLast(20));

    private static async Task<bool> AnswersPingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindRedisServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}
