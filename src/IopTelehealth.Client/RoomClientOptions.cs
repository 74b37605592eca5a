using System.Net;

namespace IopTelehealth.Client;

/// <summary>How a <see cref="RoomClient"/> reaches the server.</summary>
public sealed class RoomClientOptions
{
    /// <summary>
    /// Base addresses of the server nodes. A dropped connection is re-established on the next one in turn, so a client
    /// survives the loss of its node (behind a load balancer this is a single address).
    /// </summary>
    public IReadOnlyList<Uri> Servers { get; init; } = [];

    /// <summary>Supplies a bearer access token (tests, tools, room devices). Browsers use the session cookie instead.</summary>
    public Func<Task<string?>>? AccessTokenProvider { get; init; }

    /// <summary>The web session's cookies, for clients that run outside a browser but use the cookie session.</summary>
    public CookieContainer? Cookies { get; init; }

    /// <summary>Sent as the WebSocket handshake's Origin header (browsers set it themselves).</summary>
    public string? Origin { get; init; }

    public bool UseMessagePack { get; init; }

    /// <summary>Presence heartbeat while joined; the protocol asks for every 5 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pauses between reconnection attempts after a drop; the last one repeats until <see cref="GiveUpAfter"/>.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; init; } = [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>Stop trying after this long: the grace window (60 s) is over by then and the server has let the participant go.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Wraps the HTTP handler (tests use it to reach a server inside a test network, or to count bytes).</summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? HttpMessageHandlerFactory { get; init; }
}
