namespace IopTelehealth.Media.Janus.Options;

/// <summary>The Janus media plane (configuration section <c>Media:Janus</c>).</summary>
public sealed class JanusMediaOptions
{
    public const string Section = "Media:Janus";

    /// <summary>The Janus nodes; a new room goes to the least-loaded one.</summary>
    public List<JanusNodeOptions> Nodes { get; set; } = [];

    /// <summary>Accept ICE candidates on 127.0.0.0/8 and ::1. Tests only: in production a loopback candidate is an attack or a bug.</summary>
    public bool AllowLoopbackCandidates { get; set; }

    /// <summary>Bitrate cap for publishers, bits per second (Janus sends it via REMB).</summary>
    public int PublisherBitrate { get; set; } = 512_000;

    /// <summary>How long a subscriber offer waits for the client's answer before the next renegotiation may start.</summary>
    public TimeSpan NegotiationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timings of the gateway connections (keepalive, request timeout, reconnect backoff).</summary>
    public TimeSpan KeepaliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The shared secret Janus's sample event handler presents (basic auth password) on the events endpoint.</summary>
    public string? EventsSecret { get; set; }
}
