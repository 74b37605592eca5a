using System.Collections.Concurrent;
using System.Diagnostics;

namespace IopTelehealth.LoadTool;

/// <summary>
/// What the simulated clients observe, from every connection's thread: events delivered and fan-out latencies while
/// the measured window is open, and refused or failed calls by error code.
/// </summary>
internal sealed class LoadCounters
{
    private long _events;
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    public Latencies Connect { get; } = new();

    /// <summary>JoinSession call → its reply.</summary>
    public Latencies JoinRoundTrip { get; } = new();

    /// <summary>JoinSession call → the admitted snapshot (through the lobby and the therapist's admit).</summary>
    public Latencies JoinAdmitted { get; } = new();

    /// <summary>A chat line's send → its receipt by each other participant of the room.</summary>
    public Latencies FanOut { get; } = new();

    public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public long EventsInWindow => Interlocked.Read(ref _events);

    public void OpenWindow() => Interlocked.Exchange(ref _windowStart, Stopwatch.GetTimestamp());

    public void CloseWindow() => Interlocked.Exchange(ref _windowEnd, Stopwatch.GetTimestamp());

    /// <summary>One hub event (or baseline frame) arrived at a client.</summary>
    public void Event()
    {
        var now = Stopwatch.GetTimestamp();
        if (now >= Volatile.Read(ref _windowStart) && now < Volatile.Read(ref _windowEnd))
        {
            Interlocked.Increment(ref _events);
        }
    }

    /// <summary>A stamped chat line arrived at <paramref name="recipient"/>; its own lines do not count as fan-out.</summary>
    public void Chat((int Sender, long Timestamp)? stamp, int recipient)
    {
        if (stamp is not { } s || s.Sender == recipient)
        {
            return;
        }

        if (s.Timestamp >= Volatile.Read(ref _windowStart) && s.Timestamp < Volatile.Read(ref _windowEnd))
        {
            FanOut.AddTicks(s.Timestamp, Stopwatch.GetTimestamp());
        }
    }

    public void Error(string code) => Errors.AddOrUpdate(code, 1, (_, n) => n + 1);
}
