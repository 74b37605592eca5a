namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>Timings of a gateway connection. The defaults suit production; tests shorten them.</summary>
public sealed class JanusGatewayOptions
{
    /// <summary>Janus drops a session after <c>session_timeout</c> (60 s) without a request; STACK-NOTES: at most 25 s.</summary>
    public TimeSpan KeepaliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a request waits for its answer (ack and event together for async plugin requests).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first reconnect delay; it doubles after each failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan MinReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>A single message from Janus larger than this closes the connection (an SDP is limited to 64 KB).</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>The delay before reconnect attempt <paramref name="attempt"/> (1-based): 1, 2, 4, ... capped at the maximum.</summary>
    public TimeSpan ReconnectDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(MinReconnectDelay.Ticks * factor, MaxReconnectDelay.Ticks));
        return delay < MinReconnectDelay ? MinReconnectDelay : delay;
    }
}
