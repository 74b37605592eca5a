using System.Globalization;

namespace IopTelehealth.LoadTool;

/// <summary>CPU time and resident memory of a process, read from /proc (Linux).</summary>
internal sealed record ProcessSample(TimeSpan Cpu, long RssBytes);

internal static class ProcessMeter
{
    /// <summary>Kernel clock ticks per second for /proc/[pid]/stat times; 100 on every Linux this runs on.</summary>
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th, stime the 15th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessSample(TimeSpan.FromSeconds(ticks / TicksPerSecond), kb * 1024);
    }

    public static ProcessSample Self() => Read(Environment.ProcessId);

    /// <summary>Load average over the last minute (for the report).</summary>
    public static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
