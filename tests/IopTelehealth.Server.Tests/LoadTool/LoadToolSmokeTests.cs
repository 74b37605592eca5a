extern alias loadtool;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;
using loadtool::IopTelehealth.LoadTool;

namespace IopTelehealth.Server.Tests.LoadTool;

/// <summary>
/// The load tool end to end at toy size: seeded load-test accounts sign in (TOTP for therapists), join, are admitted,
/// chat and raise hands on the real hub, and the raw baseline runs beside it. It checks that every step happened and
/// that the figures exist; it never asserts on a timing (the benchmark is docs/benchmarks.md, not a test).
/// </summary>
public sealed class LoadToolSmokeTests
{
    [Fact]
    public async Task Two_rooms_of_three_run_on_the_hub_and_the_baseline()
    {
        await using var server = new IopServer(new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "false",
            ["Demo:LoadTestRooms"] = "2",
            ["Demo:LoadTestPatientsPerRoom"] = "2",
        });
        var cache = Path.Combine(server.DataDirectory, "tokens.json");
        var options = LoadOptions.Parse([
            "--server", server.BaseAddress.ToString(), "--server-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--rooms", "2", "--per-room", "3", "--duration", "3s", "--warmup", "500ms", "--chat-interval", "500ms", "--hand-interval", "1s",
            "--token-cache", cache, "--baseline-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        using var output = new StringWriter();

        var results = await LoadRunner.RunAsync(options, output);

        foreach (var run in new[] { results.Hub!, results.Baseline! })
        {
            Assert.True(run.Counters.Errors.IsEmpty, $"{run.Name}: {string.Join(", ", run.Counters.Errors)}\n{output}");
            Assert.Equal(6, run.Counters.JoinAdmitted.Count);
            Assert.True(run.Counters.FanOut.Count > 0, $"{run.Name} saw no chat fan-out\n{output}");
            Assert.True(run.Counters.EventsInWindow > 0, $"{run.Name} delivered no events\n{output}");
            Assert.NotNull(run.EventsPerServerCpuSecond);
        }

        Assert.Contains("hub / baseline, events per server CPU-second:", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(cache), "tokens are cached for the next run");
    }
}
