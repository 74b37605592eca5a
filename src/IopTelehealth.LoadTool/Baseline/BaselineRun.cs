using System.Diagnostics;
using System.Globalization;

namespace IopTelehealth.LoadTool.Baseline;

/// <summary>
/// The baseline side of a run: start <see cref="BaselineServer"/> as its own process (so its CPU and memory are its
/// own), drive it with the same participants, rate and schedule as the hub, stop it.
/// </summary>
internal static class BaselineRun
{
    public static async Task<RunResult> RunAsync(LoadOptions options, IReadOnlyList<LoadParticipant> accounts, TextWriter output)
    {
        using var server = Start(options);
        try
        {
            await WaitReadyAsync(server);
            var counters = new LoadCounters();
            var uri = new Uri($"ws://127.0.0.1:{options.BaselinePort}/ws");
            output.WriteLine($"baseline (raw WebSocket, JSON): {accounts.Count} participants in {options.Rooms} rooms at {uri} (pid {server.Id})");
            var participants = accounts.Select(a => new BaselineParticipant(a, uri, counters)).ToList();
            try
            {
                var before = ProcessMeter.Read(server.Id);
                await Pace.BoundedAsync(participants, options.ConnectParallelism, p => p.ConnectAsync());
                output.WriteLine($"  connected {participants.Count}");
                var beforeJoins = ProcessMeter.Read(server.Id);
                var order = participants.OrderBy(p => accounts[p.Index].Therapist ? 0 : 1).ThenBy(p => p.Index % options.PerRoom).ThenBy(p => p.Index);
                await Pace.RunAsync(order, options.JoinRate, async p =>
                {
                    try
                    {
                        await p.JoinAsync(options.HeartbeatInterval);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        counters.Error("join:" + e.GetType().Name);
                    }
                });
                output.WriteLine($"  joined {counters.JoinAdmitted.Count} of {participants.Count}");
                var joinCpu = ProcessMeter.Read(server.Id).Cpu - beforeJoins.Cpu;
                await Task.Delay(TimeSpan.FromSeconds(3));
                var joined = ProcessMeter.Read(server.Id);
                var (clientCpu, serverCpu) = await SteadyState.RunAsync(participants, options, counters, [server.Id], output);
                return new RunResult("baseline (raw WebSocket)", participants.Count, counters, options.Duration, before, joined, serverCpu[0], null, clientCpu,
                    ProcessMeter.LoadAverage())
                {
                    JoinCpu = joinCpu,
                };
            }
            finally
            {
                await Pace.BoundedAsync(participants, options.ConnectParallelism, async p => await p.DisposeAsync());
            }
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }
    }

    /// <summary>
    /// The load tool in baseline-server mode as its own process (`dotnet IopTelehealth.LoadTool.dll`, also when the
    /// tool runs inside a test host), with the hub server's GC settings (server GC, as ASP.NET Core hosts default to),
    /// so the two servers differ in their code only.
    /// </summary>
    private static Process Start(LoadOptions options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(BaselineRun).Assembly.Location);

        start.ArgumentList.Add("--baseline-server");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(options.BaselinePort.ToString(CultureInfo.InvariantCulture));
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_gcConcurrent"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("The baseline server did not start.");
    }

    private static async Task WaitReadyAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(BaselineServer.Ready, StringComparison.Ordinal))
            {
                // Keep draining its output so it never blocks on a full pipe.
                _ = server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"The baseline server exited with {server.ExitCode} before it was ready (port in use?).");
    }
}
