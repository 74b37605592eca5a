using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IopTelehealth.Testing;

/// <summary>
/// A private <c>redis-server --port &lt;free&gt; --bind 127.0.0.1 --save "" --appendonly no</c>, started for a test fixture
/// and killed by its process handle. Missing Redis fails the tests with a message saying how to install it: never skipped.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    /// <summary>Where CI may hand in a running Redis (host:port) instead; fixtures that can share one use a key prefix there.</summary>
    public const string ServerVariable = "IOP_TEST_REDIS";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RedisServerProcess(Process process, int port)
    {
        _process = process;
        Endpoint = $"127.0.0.1:{port}";
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>host:port, for StackExchange.Redis or a server's Redis:Configuration.</summary>
    public string Endpoint { get; }

    public static async Task<RedisServerProcess> StartAsync()
    {
        var executable = FindRedisServer() ?? throw new InvalidOperationException(
            $"redis-server was not found on PATH. Install it (apt-get install -y redis-server) or set {ServerVariable}=host:port " +
            "to a running Redis. The Redis tests need a real server and are never skipped.");
        var port = FreePort.Next();
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

        var server = new RedisServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}."), port);
        try
        {
            await Polling.UntilAsync(
                async () => server._process.HasExited
                    ? throw new InvalidOperationException($"redis-server exited with {server._process.ExitCode}: {server.Output()}")
                    : await AnswersPingAsync(port),
                TimeSpan.FromSeconds(15),
                () => $"redis-server on port {port} did not answer PING within 15 s: {server.Output()}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private string Output() => string.Join(" | ", _output.TakeLast(20));

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

    private static string? FindRedisServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}
