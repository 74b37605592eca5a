using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using IopTelehealth.Media.Janus.VideoRoom;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Media.Tests.Infrastructure;

/// <summary>
/// A media plane on a Janus of its own, for tests that restart Janus or configure its event handler. Publishing needs
/// ICE, so these tests must run inside the test network namespace; elsewhere they fail saying so.
/// </summary>
internal sealed class PrivateMediaPlane : IAsyncDisposable
{
    private PrivateMediaPlane(JanusProcess janus, JanusNodeOptions node, JanusGatewayPool pool, JanusVideoRoomMediaPlane plane, MediaHandleRegistry handles, RecordingMediaListener listener)
    {
        Janus = janus;
        Node = node;
        Pool = pool;
        Plane = plane;
        Handles = handles;
        Listener = listener;
    }

    public JanusProcess Janus { get; }

    public JanusNodeOptions Node { get; }

    public JanusGatewayPool Pool { get; }

    public JanusVideoRoomMediaPlane Plane { get; }

    public MediaHandleRegistry Handles { get; }

    public RecordingMediaListener Listener { get; }

    public static async Task<PrivateMediaPlane> StartAsync(string name, string? eventsBackend = null, string? eventsSecret = null)
    {
        Assert.True(JanusProcess.IceWorksHere(), "Run inside the test network namespace (infra/test.sh; see docs/media-janus.md): publishing needs ICE.");
        var janus = await JanusProcess.StartAsync(eventsBackend: eventsBackend, eventsSecret: eventsSecret);
        var node = new JanusNodeOptions { Name = name, Url = janus.WebSocketUrl.ToString(), ApiSecret = janus.ApiSecret, AdminKey = janus.AdminKey };
        var options = new JanusMediaOptions { Nodes = [node] };
        var pool = new JanusGatewayPool(options.Nodes, new JanusGatewayOptions { RequestTimeout = TimeSpan.FromSeconds(10) }, NullLoggerFactory.Instance);
        var handles = new MediaHandleRegistry();
        var listener = new RecordingMediaListener();
        var plane = new JanusVideoRoomMediaPlane(pool, new InMemoryMediaRoomDirectory(), [listener], handles, options, TimeProvider.System, NullLogger<JanusVideoRoomMediaPlane>.Instance);
        return new PrivateMediaPlane(janus, node, pool, plane, handles, listener);
    }

    public async ValueTask DisposeAsync()
    {
        await Plane.DisposeAsync();
        await Pool.DisposeAsync();
        await Janus.DisposeAsync();
    }
}
