using System.Text.Json.Nodes;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Tests.Infrastructure;

/// <summary>
/// Real Janus nodes whose synchronous plugin requests (kick, moderate, exists, ...) first pass through a hook. A test
/// uses the hook to make something really happen at Janus at one exact point of an exchange, such as a stale participant
/// leaving between a refused join and the kick that would have removed it.
/// </summary>
internal sealed class HookedJanusNodes(IJanusNodes inner, Func<JsonObject, Task> beforeRequest) : IJanusNodes
{
    private readonly List<JanusNode> _nodes = [.. inner.All.Select(node => node with { Gateway = new HookedGateway(node.Gateway, beforeRequest) })];

    public IReadOnlyList<JanusNode> All => _nodes;

    public JanusNode? Find(string name) => _nodes.FirstOrDefault(node => node.Name == name);

    private sealed class HookedGateway(IJanusGateway inner, Func<JsonObject, Task> beforeRequest) : IJanusGateway
    {
        public string Node => inner.Node;

        public event EventHandler<JanusSessionRecreatedEventArgs>? SessionRecreated
        {
            add => inner.SessionRecreated += value;
            remove => inner.SessionRecreated -= value;
        }

        public Task WaitReadyAsync(CancellationToken cancellationToken = default) => inner.WaitReadyAsync(cancellationToken);

        public async Task<IJanusHandle> AttachAsync(string plugin, CancellationToken cancellationToken = default) =>
            new HookedHandle(await inner.AttachAsync(plugin, cancellationToken), beforeRequest);

        // The inner pool owns the gateway.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class HookedHandle(IJanusHandle inner, Func<JsonObject, Task> beforeRequest) : IJanusHandle
    {
        public long Id => inner.Id;

        public bool IsAlive => inner.IsAlive;

        public event EventHandler<JanusHandleEvent>? EventReceived
        {
            add => inner.EventReceived += value;
            remove => inner.EventReceived -= value;
        }

        public async Task<JanusPluginReply> RequestAsync(JsonObject body, CancellationToken cancellationToken = default)
        {
            await beforeRequest(body);
            return await inner.RequestAsync(body, cancellationToken);
        }

        public Task<JanusPluginReply> MessageAsync(JsonObject body, JsonObject? jsep = null, CancellationToken cancellationToken = default) =>
            inner.MessageAsync(body, jsep, cancellationToken);

        public Task TrickleAsync(JsonObject candidate, CancellationToken cancellationToken = default) => inner.TrickleAsync(candidate, cancellationToken);

        public Task DetachAsync(CancellationToken cancellationToken = default) => inner.DetachAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
