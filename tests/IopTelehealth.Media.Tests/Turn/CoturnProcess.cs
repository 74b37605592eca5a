using System.Diagnostics;
using System.Security.Cryptography;

namespace IopTelehealth.Media.Tests.Turn;

/// <summary>A private coturn from infra/coturn (use-auth-secret) on a free 127.0.0.1 port, stopped by its process handle.</summary>
public sealed class CoturnProcess : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("iop-coturn-test.").FullName;
    private Process? _process;

    public string Secret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    public int Port { get; } = FreePort.Udp();

    public async ValueTask InitializeAsync()
    {
        var config = Path.Combine(_root, "turnserver.conf");
        var render = new ProcessStartInfo("bash") { RedirectStandardError = true };
        render.ArgumentList.Add(Repository.PathOf("infra", "coturn", "render-config.sh"));
        render.ArgumentList.Add(config);
        render.Environment["TURN_PORT"] = $"{Port}";
        render.Environment["TURN_SECRET"] = Secret;
        render.Environment["TURN_STATE_DIR"] = _root;
        render.Environment["TURN_ALLOW_LOOPBACK_PEERS"] = "1";
        var relay = 49152 + RandomNumberGenerator.GetInt32(100) * 100;
        render.Environment["TURN_MIN_PORT"] = $"{relay}";
        render.Environment["TURN_MAX_PORT"] = $"{relay + 99}";
        using (var renderer = Process.Start(render)!)
        {
            var error = await renderer.StandardError.ReadToEndAsync();
            await renderer.WaitForExitAsync();
            Assert.True(renderer.ExitCode == 0, $"render-config.sh failed: {error}");
        }

        var start = new ProcessStartInfo("turnserver") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("turnserver was not found (apt-get install coturn); the TURN tests are never skipped.", e);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var log = Path.Combine(_root, "turnserver.log");
        await Polling.UntilAsync(
            () => Task.FromResult(_process.HasExited
                ? throw new InvalidOperationException($"turnserver exited with {_process.ExitCode}")
                : File.Exists(log) && File.ReadAllText(log).Contains("IO method (admin thread)", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            () => "turnserver did not start within 15 s");
    }

    /// <summary>coturn's own client: allocates a relay with the credentials and sends a few messages through it.</summary>
    public async Task<(int ExitCode, string Output)> RunClientAsync(string username, string password)
    {
        var start = new ProcessStartInfo("turnutils_uclient") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", $"{Port}", "-u", username, "-w", password, "-e", "127.0.0.1", "-r", $"{FreePort.Udp()}", "-n", "3", "-m", "1", "-c", "-y", "127.0.0.1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var client = Process.Start(start)!;
        var output = client.StandardOutput.ReadToEndAsync();
        var error = client.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await client.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            client.Kill(entireProcessTree: true);
            throw new TimeoutException("turnutils_uclient did not finish within 30 s.");
        }

        return (client.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
