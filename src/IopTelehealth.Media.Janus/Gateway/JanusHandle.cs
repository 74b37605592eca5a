using System.Text.Json.Nodes;

namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>A handle of a <see cref="JanusGateway"/> session; dead once detached or once that session is gone.</summary>
internal sealed class JanusHandle(JanusGateway gateway, long sessionId, long id) : IJanusHandle
{
    private volatile bool _alive = true;

    public long Id { get; } = id;

    public bool IsAlive => _alive && gateway.SessionId == sessionId;

    public event EventHandler<JanusHandleEvent>? EventReceived;

    public async Task<JanusPluginReply> RequestAsync(JsonObject body, CancellationToken cancellationToken = default) =>
        ToReply(await gateway.SendAsync(Message("message", body), expectEvent: false, cancellationToken));

    public async Task<JanusPluginReply> MessageAsync(JsonObject body, JsonObject? jsep = null, CancellationToken cancellationToken = default)
    {
        var message = Message("message", body);
        if (jsep is not null)
        {
            message["jsep"] = Detached(jsep);
        }

        return ToReply(await gateway.SendAsync(message, expectEvent: true, cancellationToken));
    }

    public async Task TrickleAsync(JsonObject candidate, CancellationToken cancellationToken = default)
    {
        var message = Message("trickle", null);
        message["candidate"] = candidate;
        await gateway.SendAsync(message, expectEvent: false, cancellationToken);
    }

    public async Task DetachAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAlive)
        {
            MarkDead();
            return;
        }

        try
        {
            await gateway.SendAsync(Message("detach", null), expectEvent: false, cancellationToken);
        }
        catch (JanusException e) when (e.Level != JanusErrorLevel.Plugin)
        {
            // Already gone on the Janus side (or the session with it): nothing left to detach.
        }
        finally
        {
            MarkDead();
        }
    }

    public async ValueTask DisposeAsync() => await DetachAsync();

    internal void MarkDead()
    {
        _alive = false;
        gateway.Forget(Id);
    }

    internal void Raise(JanusHandleEvent handleEvent)
    {
        if (handleEvent.Type == "detached")
        {
            MarkDead();
        }

        EventReceived?.Invoke(this, handleEvent);
    }

    private JsonObject Message(string type, JsonObject? body)
    {
        if (!IsAlive)
        {
            throw new JanusException(JanusErrorLevel.Core, JanusErrorCodes.HandleNotFound, $"Janus handle {Id} is gone (detached or its session was lost).");
        }

        var message = new JsonObject { ["janus"] = type, ["session_id"] = sessionId, ["handle_id"] = Id };
        if (body is not null)
        {
            message["body"] = Detached(body);
        }

        return message;
    }

    /// <summary>
    /// A request sent before (a join tried again after kicking a stale participant) belongs to its first message, and a
    /// JSON node can have only one parent: that one is sent as a copy.
    /// </summary>
    private static JsonObject Detached(JsonObject node) => node.Parent is null ? node : node.DeepClone().AsObject();

    private static JanusPluginReply ToReply(JsonObject message) =>
        new(message["plugindata"]?["data"] as JsonObject ?? [], message["jsep"] as JsonObject);
}
