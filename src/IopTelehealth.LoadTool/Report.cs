using System.Globalization;
using System.Text.Json;

namespace IopTelehealth.LoadTool;

/// <summary>The run's table: hub and baseline side by side, the ratio, and each target met or missed.</summary>
internal static class Report
{
    public static void Print(LoadOptions options, RunResult? hub, RunResult? baseline, TextWriter output)
    {
        var runs = new[] { hub, baseline }.OfType<RunResult>().ToList();
        output.WriteLine();
        output.WriteLine($"{options.Rooms} rooms x {options.PerRoom} participants, chat every {options.ChatInterval.TotalSeconds:0.##} s, hand every " +
            $"{options.HandInterval.TotalSeconds:0.##} s, heartbeat every {options.HeartbeatInterval.TotalSeconds:0.##} s, {options.Duration.TotalSeconds:0} s measured; " +
            $"{Environment.ProcessorCount} cores; clients and servers on this one machine");
        Row(output, "", runs.Select(r => r.Name));
        Row(output, "connections", runs.Select(r => r.Connections.ToString(CultureInfo.InvariantCulture)));
        Row(output, "connect p50 / p99 ms", runs.Select(r => $"{F(r.Counters.Connect.Percentile(50))} / {F(r.Counters.Connect.Percentile(99))}"));
        Row(output, "join call p50 / p95 / p99 ms", runs.Select(r => Three(r.Counters.JoinRoundTrip)));
        Row(output, "join → admitted p50 / p95 / p99 ms", runs.Select(r => Three(r.Counters.JoinAdmitted)));
        Row(output, "server CPU per join ms", runs.Select(r => F(r.JoinCpuPerParticipantMs, "0.00")));
        Row(output, "fan-out p50 / p99 / max ms", runs.Select(r => $"{F(r.Counters.FanOut.Percentile(50))} / {F(r.Counters.FanOut.Percentile(99))} / {F(r.Counters.FanOut.Percentile(100))}"));
        Row(output, "fan-out samples", runs.Select(r => r.Counters.FanOut.Count.ToString(CultureInfo.InvariantCulture)));
        Row(output, "events delivered / s", runs.Select(r => F(r.EventsPerSecond, "0")));
        Row(output, "server CPU (cores busy)", runs.Select(r => F(r.ServerCores, "0.00")));
        Row(output, "events / server CPU-s", runs.Select(r => F(r.EventsPerServerCpuSecond, "0")));
        if (hub?.RedisCpu is not null)
        {
            Row(output, "redis CPU (cores busy)", runs.Select(r => F(r.RedisCores, "0.00")));
            Row(output, "events / (server + redis) CPU-s", runs.Select(r => F(r.EventsPerServerAndRedisCpuSecond ?? r.EventsPerServerCpuSecond, "0")));
        }

        Row(output, "server RSS before / joined MB", runs.Select(r => $"{Mb(r.ServerBeforeConnect)} / {Mb(r.ServerJoined)}"));
        Row(output, "server memory / connection KB", runs.Select(r => F(r.MemoryPerConnectionBytes / 1024, "0.0")));
        Row(output, "client CPU (cores busy)", runs.Select(r => F(r.ClientCores, "0.00")));
        Row(output, "load average (1 min) at end", runs.Select(r => F(r.LoadAverage, "0.00")));
        Row(output, "errors", runs.Select(r => r.Counters.Errors.IsEmpty ? "none" : string.Join(", ", r.Counters.Errors.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))));

        var ratio = hub?.EventsPerServerCpuSecond / baseline?.EventsPerServerCpuSecond;
        output.WriteLine();
        output.WriteLine($"hub / baseline, events per server CPU-second: {F(ratio, "0.00")}");
        var withRedis = hub?.EventsPerServerAndRedisCpuSecond / baseline?.EventsPerServerCpuSecond;
        if (withRedis is not null)
        {
            output.WriteLine($"hub + redis / baseline, events per CPU-second: {F(withRedis, "0.00")}");
        }

        if (hub is not null)
        {
            output.WriteLine("targets (hub):");
            Target(output, "p99 join → admitted < 250 ms", hub.Counters.JoinAdmitted.Percentile(99), v => v < 250, "0 ms");
            Target(output, "p99 fan-out < 50 ms", hub.Counters.FanOut.Percentile(99), v => v < 50, "0.0 ms");
            Target(output, "hub >= 0.5 x baseline per CPU-second", ratio, v => v >= 0.5, "0.00");
            Target(output, "<= 64 KB server memory per connection", hub.MemoryPerConnectionBytes / 1024, v => v <= 64, "0.0 KB");
        }

        output.WriteLine("json: " + JsonSerializer.Serialize(runs.Select(Summary).Append(new Dictionary<string, double?> { ["ratio"] = ratio, ["ratioWithRedis"] = withRedis })));
    }

    private static Dictionary<string, double?> Summary(RunResult r) => new()
    {
        ["connectP50"] = r.Counters.Connect.Percentile(50),
        ["joinCallP50"] = r.Counters.JoinRoundTrip.Percentile(50),
        ["joinCallP99"] = r.Counters.JoinRoundTrip.Percentile(99),
        ["joinP50"] = r.Counters.JoinAdmitted.Percentile(50),
        ["joinP95"] = r.Counters.JoinAdmitted.Percentile(95),
        ["joinP99"] = r.Counters.JoinAdmitted.Percentile(99),
        ["joinCpuMs"] = r.JoinCpuPerParticipantMs,
        ["fanoutP50"] = r.Counters.FanOut.Percentile(50),
        ["fanoutP99"] = r.Counters.FanOut.Percentile(99),
        ["eventsPerSecond"] = r.EventsPerSecond,
        ["serverCores"] = r.ServerCores,
        ["eventsPerCpuSecond"] = r.EventsPerServerCpuSecond,
        ["redisCores"] = r.RedisCores,
        ["eventsPerCpuSecondWithRedis"] = r.EventsPerServerAndRedisCpuSecond,
        ["kbPerConnection"] = r.MemoryPerConnectionBytes / 1024,
        ["clientCores"] = r.ClientCores,
        ["load"] = r.LoadAverage,
        ["errors"] = r.Counters.Errors.Values.Sum(),
    };

    private static void Target(TextWriter output, string name, double? value, Func<double, bool> met, string format)
    {
        var verdict = value is { } v && !double.IsNaN(v) ? met(v) ? "met" : "MISSED" : "not measured";
        output.WriteLine($"  {name,-42} {F(value, format),12}  {verdict}");
    }

    private static void Row(TextWriter output, string label, IEnumerable<string> cells) =>
        output.WriteLine($"{label,-36}" + string.Concat(cells.Select(c => $"{c,30}")));

    private static string Three(Latencies l) => $"{F(l.Percentile(50))} / {F(l.Percentile(95))} / {F(l.Percentile(99))}";

    private static string F(double? value, string format = "0.0") =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Mb(ProcessSample? sample) => sample is null ? "-" : (sample.RssBytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);
}
