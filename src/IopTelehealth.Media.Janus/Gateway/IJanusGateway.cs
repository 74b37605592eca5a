using System.Text.Json.Nodes;

namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>
/// The wire protocol to one Janus node (STYLE 7: separate from the VideoRoom adapter, and injectable): one long-lived
/// WebSocket, one Janus session on it, handles attached to plugins. It keeps the session alive and, when the
/// connection or the session is lost, reconnects with backoff and creates a new session; every handle of the old one
/// is then dead and <see cref="SessionRecreated"/> tells the owner to rebuild its rooms and handles.
/// </summary>
public interface IJanusGateway : IAsyncDisposable
{
    /// <summary>The node's name from configuration (for logs and the room directory).</summary>
    string Node { get; }

    /// <summary>Raised after a lost session was replaced by a new one (not for the first session).</summary>
    event EventHandler<JanusSessionRecreatedEventArgs>? SessionRecreated;

    /// <summary>Waits until a session is up (connecting on first use); a transport <see cref="JanusException"/> on timeout.</summary>
    Task WaitReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>Attaches a new handle to <paramref name="plugin"/> (e.g. <c>janus.plugin.videoroom</c>) in the current session.</summary>
    Task<IJanusHandle> AttachAsync(string plugin, CancellationToken cancellationToken = default);
}

/// <summary>A handle: one plugin instance inside the gateway's session; requests and pushed events go through it.</summary>
public interface IJanusHandle : IAsyncDisposable
{
    long Id { get; }

    /// <summary>False once detached, or once its session was lost (then every call fails).</summary>
    bool IsAlive { get; }

    /// <summary>Events Janus pushes on this handle without a transaction (plugin events, webrtcup, media, hangup, detached).</summary>
    event EventHandler<JanusHandleEvent>? EventReceived;

    /// <summary>A synchronous plugin request (create, exists, moderate, kick, ...): the plugin's data, or a plugin error.</summary>
    Task<JanusPluginReply> RequestAsync(JsonObject body, CancellationToken cancellationToken = default);

    /// <summary>
    /// An asynchronous plugin request (join, publish, start, subscribe, ...): Janus acks first, then answers with an
    /// event on the same transaction; that event's data and JSEP are returned (a plugin error throws).
    /// </summary>
    Task<JanusPluginReply> MessageAsync(JsonObject body, JsonObject? jsep = null, CancellationToken cancellationToken = default);

    /// <summary>A trickled candidate (<c>{candidate, sdpMid, sdpMLineIndex}</c>) or <c>{completed: true}</c>.</summary>
    Task TrickleAsync(JsonObject candidate, CancellationToken cancellationToken = default);

    /// <summary>Detaches the handle (its PeerConnection closes); no-op when it is already gone.</summary>
    Task DetachAsync(CancellationToken cancellationToken = default);
}

/// <summary>A plugin's answer: <c>plugindata.data</c> and the JSEP that came with it, if any.</summary>
public sealed record JanusPluginReply(JsonObject Data, JsonObject? Jsep)
{
    /// <summary>The <c>videoroom</c> field (e.g. <c>joined</c>, <c>event</c>, <c>attached</c>, <c>success</c>).</summary>
    public string? Kind => Data["videoroom"]?.GetValue<string>();
}

/// <summary>An event pushed on a handle: <see cref="Type"/> is the <c>janus</c> field (event, webrtcup, media, hangup, slowlink, detached).</summary>
public sealed record JanusHandleEvent(long HandleId, string Type, JsonObject Message)
{
    public JsonObject? PluginData => Message["plugindata"]?["data"] as JsonObject;

    public JsonObject? Jsep => Message["jsep"] as JsonObject;
}

public sealed class JanusSessionRecreatedEventArgs(string node, long sessionId) : EventArgs
{
    public string Node { get; } = node;

    public long SessionId { get; } = sessionId;
}
