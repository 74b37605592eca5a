namespace IopTelehealth.Server.Rooms;

/// <summary>
/// A token bucket per connection: <see cref="Burst"/> calls at once, refilled at <see cref="PermitsPerSecond"/>.
/// Small and lock-based on purpose: one per connection, no timers (thousands of connections per node).
/// </summary>
internal sealed class ConnectionRateLimit(double permitsPerSecond, int burst, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _refilledAt = clock.GetTimestamp();

    public double PermitsPerSecond => permitsPerSecond;

    public int Burst => burst;

    public bool TryAcquire()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (clock.GetElapsedTime(_refilledAt, now).TotalSeconds * permitsPerSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
