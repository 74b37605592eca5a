namespace IopTelehealth.Testing;

/// <summary>A clock the test moves by hand, for heartbeats, grace windows, retention and expiry.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
