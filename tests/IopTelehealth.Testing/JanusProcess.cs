using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace IopTelehealth.Testing;

/// <summary>
/// A private Janus for tests: its configuration is written by infra/janus/render-config.sh (the same templates the
/// test script and deployments use), it listens on free 127.0.0.1 ports, and it is stopped by its process handle.
/// <see cref="RestartAsync"/> kills it and starts it again on the same ports and secrets (a crashed node coming back).
/// </summary>
public sealed class JanusProcess : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("iop-janus-test.").FullName;
    private readonly int _httpPort = FreePort.Next();
    private Process? _process;

    private JanusProcess(int sessionTimeoutSeconds, string? eventsBackend, string? eventsSecret)
    {
        WebSocketPort = FreePort.Next();
        SessionTimeoutSeconds = sessionTimeoutSeconds;
        EventsBackend = eventsBackend;
        EventsSecret = eventsSecret;
    }

    public int WebSocketPort { get; }

    public Uri WebSocketUrl => new($"ws://127.0.0.1:{WebSocketPort}/");

    public string ApiSecret { get; } = Secret();

    public string AdminKey { get; } = Secret();

    public int SessionTimeoutSeconds { get; }

    public string? EventsBackend { get; }

    public string? EventsSecret { get; }

    public string LogPath => Path.Combine(_root, "janus.log");

    /// <summary>Janus gathers ICE candidates only on jl0 (ice_enforce_list): true inside the test namespace (infra/lib/netns.sh).</summary>
    public static bool IceWorksHere() => NetworkInterface.GetAllNetworkInterfaces().Any(nic =>
        nic.Name == "jl0" && nic.GetIPProperties().UnicastAddresses.Any(a => a.Address.AddressFamily == AddressFamily.InterNetwork && System.Net.IPAddress.IsLoopback(a.Address)));

    public static async Task<JanusProcess> StartAsync(int sessionTimeoutSeconds = 60, string? eventsBackend = null, string? eventsSecret = null)
    {
        var janus = new JanusProcess(sessionTimeoutSeconds, eventsBackend, eventsSecret);
        try
        {
            await janus.RenderConfigAsync();
            await janus.LaunchAsync();
            return janus;
        }
        catch
        {
            await janus.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills Janus (SIGKILL: no clean shutdown, like a crash); rooms and sessions are gone with it.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task RestartAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; the test script deletes TMPDIR anyway.
        }
    }

    private async Task RenderConfigAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Repository.PathOf("infra", "janus", "render-config.sh"));
        start.ArgumentList.Add(Path.Combine(_root, "conf"));
        start.Environment["JANUS_WS_PORT"] = $"{WebSocketPort}";
        start.Environment["JANUS_HTTP_PORT"] = $"{_httpPort}";
        start.Environment["JANUS_API_SECRET"] = ApiSecret;
        start.Environment["JANUS_ADMIN_SECRET"] = Secret();
        start.Environment["JANUS_ADMIN_KEY"] = AdminKey;
        start.Environment["JANUS_SESSION_TIMEOUT"] = $"{SessionTimeoutSeconds}";
        var rtp = 40000 + RandomNumberGenerator.GetInt32(20) * 1000;
        start.Environment["JANUS_RTP_PORT_RANGE"] = $"{rtp}-{rtp + 999}";
        if (EventsBackend is not null)
        {
            start.Environment["JANUS_EVENTS_BACKEND"] = EventsBackend;
            start.Environment["JANUS_EVENTS_USER"] = "janus";
            start.Environment["JANUS_EVENTS_PASSWORD"] = EventsSecret;
        }

        using var render = Process.Start(start)!;
        var error = await render.StandardError.ReadToEndAsync();
        await render.WaitForExitAsync();
        if (render.ExitCode != 0)
        {
            throw new InvalidOperationException($"render-config.sh failed: {error}");
        }
    }

    private async Task LaunchAsync()
    {
        var start = new ProcessStartInfo("janus") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var argument in new[] { "-F", Path.Combine(_root, "conf"), "-N", "-L", LogPath })
        {
            start.ArgumentList.Add(argument);
        }

        _process?.Dispose();
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("janus did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("janus was not found on PATH (apt-get install janus). The media tests need a real Janus and are never skipped.", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Polling.UntilAsync(
            async () => _process.HasExited ? throw new InvalidOperationException($"janus exited with {_process.ExitCode}: {Log()}") : await AnswersInfoAsync(http),
            TimeSpan.FromSeconds(20),
            () => $"Janus did not answer info within 20 s: {Log()}");
    }

    private async Task<bool> AnswersInfoAsync(HttpClient http)
    {
        try
        {
            var response = await http.PostAsJsonAsync($"http://127.0.0.1:{_httpPort}/janus", new JsonObject { ["janus"] = "info", ["transaction"] = "ready" });
            return (await response.Content.ReadAsStringAsync()).Contains("\"server_info\"", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private string Log() => File.Exists(LogPath) ? string.Join(" | ", File.ReadLines(LogPath).TakeLast(15)) : "(no log)";

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
