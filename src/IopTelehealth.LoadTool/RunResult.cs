namespace IopTelehealth.LoadTool;

/// <summary>The figures of one side (hub or baseline) of a run.</summary>
internal sealed record RunResult(
    string Name,
    int Connections,
    LoadCounters Counters,
    TimeSpan Window,
    ProcessSample? ServerBeforeConnect,
    ProcessSample? ServerJoined,
    TimeSpan? ServerCpu,
    TimeSpan? RedisCpu,
    TimeSpan ClientCpu,
    double LoadAverage)
{
    /// <summary>Server CPU spent while everyone joined (and, on the hub, passed the lobby).</summary>
    public TimeSpan? JoinCpu { get; init; }

    public double? JoinCpuPerParticipantMs => JoinCpu is { } cpu ? cpu.TotalMilliseconds / Connections : null;

    public double EventsPerSecond => Counters.EventsInWindow / Window.TotalSeconds;

    public double? EventsPerServerCpuSecond => ServerCpu is { TotalSeconds: > 0 } cpu ? Counters.EventsInWindow / cpu.TotalSeconds : null;

    /// <summary>Events per CPU-second of the server and Redis together (the whole server side in multi-node mode).</summary>
    public double? EventsPerServerAndRedisCpuSecond => ServerCpu is { } cpu && RedisCpu is { } redis ? Counters.EventsInWindow / (cpu + redis).TotalSeconds : null;

    public double? RedisCores => RedisCpu is { } cpu ? cpu.TotalSeconds / Window.TotalSeconds : null;

    /// <summary>Server cores busy during the window (CPU seconds per wall second).</summary>
    public double? ServerCores => ServerCpu is { } cpu ? cpu.TotalSeconds / Window.TotalSeconds : null;

    public double ClientCores => ClientCpu.TotalSeconds / Window.TotalSeconds;

    public double? MemoryPerConnectionBytes => ServerBeforeConnect is { } before && ServerJoined is { } joined
        ? (double)(joined.RssBytes - before.RssBytes) / Connections
        : null;
}
