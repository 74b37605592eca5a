using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>
/// One VideoRoom handle per node for room-level requests (create, exists, list, listparticipants, moderate, kick,
/// destroy): they are synchronous and need no participant. Re-attached when its session was replaced.
/// </summary>
internal sealed class VideoRoomAdmin : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IJanusHandle> _handles = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _attachLock = new(1, 1);

    public async Task<JanusPluginReply> RequestAsync(JanusNode node, JsonObject body, CancellationToken cancellationToken)
    {
        var handle = await HandleAsync(node, cancellationToken);
        return await handle.RequestAsync(body, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var handle in _handles.Values)
        {
            await handle.DetachAsync();
        }

        _attachLock.Dispose();
    }

    private async Task<IJanusHandle> HandleAsync(JanusNode node, CancellationToken cancellationToken)
    {
        if (_handles.TryGetValue(node.Name, out var handle) && handle.IsAlive)
        {
            return handle;
        }

        await _attachLock.WaitAsync(cancellationToken);
        try
        {
            if (_handles.TryGetValue(node.Name, out handle) && handle.IsAlive)
            {
                return handle;
            }

            handle = await node.Gateway.AttachAsync(VideoRoomRequests.Plugin, cancellationToken);
            _handles[node.Name] = handle;
            return handle;
        }
        finally
        {
            _attachLock.Release();
        }
    }
}
