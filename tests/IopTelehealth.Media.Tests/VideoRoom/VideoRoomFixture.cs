using System.Text.Json.Nodes;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using IopTelehealth.Media.Janus.VideoRoom;
using IopTelehealth.Media.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>The media plane on the shared test Janus, plus a raw gateway for looking at Janus directly.</summary>
public sealed class VideoRoomFixture : IAsyncLifetime
{
    private readonly JanusFixture _janus = new();
    private JanusGatewayPool? _pool;
    private JanusGateway? _inspector;

    public JanusVideoRoomMediaPlane Plane { get; private set; } = null!;

    public InMemoryMediaRoomDirectory Directory { get; } = new();

    public MediaHandleRegistry Handles { get; } = new();

    public RecordingMediaListener Listener { get; } = new();

    public JanusNodeOptions Node => _janus.Node;

    /// <summary>A separate connection for assertions (listparticipants, exists, observers), as another server would have.</summary>
    public JanusGateway Inspector => _inspector!;

    public async ValueTask InitializeAsync()
    {
        await _janus.InitializeAsync();
        _pool = Pool();
        Plane = new JanusVideoRoomMediaPlane(_pool, Directory, [Listener], Handles, Options(), TimeProvider.System, NullLogger<JanusVideoRoomMediaPlane>.Instance);
        _inspector = new JanusGateway(_janus.Node, new JanusGatewayOptions(), NullLogger<JanusGateway>.Instance);
    }

    /// <summary>
    /// The media plane of a second server node: its own Janus connection and handles, the same rooms (the shared directory,
    /// as Redis is between nodes). <paramref name="beforeRequest"/> runs before each of its synchronous plugin requests.
    /// </summary>
    public ServerNode AnotherServerNode(Func<JsonObject, Task>? beforeRequest = null)
    {
        var pool = Pool();
        IJanusNodes nodes = beforeRequest is null ? pool : new HookedJanusNodes(pool, beforeRequest);
        return new ServerNode(pool, new JanusVideoRoomMediaPlane(nodes, Directory, [], new MediaHandleRegistry(), Options(), TimeProvider.System,
            NullLogger<JanusVideoRoomMediaPlane>.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        await Plane.DisposeAsync();
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }

        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

        await _janus.DisposeAsync();
    }

    private JanusMediaOptions Options() => new() { Nodes = [_janus.Node], AllowLoopbackCandidates = false };

    private JanusGatewayPool Pool() => new(Options().Nodes, new JanusGatewayOptions { RequestTimeout = TimeSpan.FromSeconds(10) }, NullLoggerFactory.Instance);

    public sealed class ServerNode(JanusGatewayPool pool, JanusVideoRoomMediaPlane plane) : IAsyncDisposable
    {
        public JanusVideoRoomMediaPlane Plane { get; } = plane;

        public async ValueTask DisposeAsync()
        {
            await Plane.DisposeAsync();
            await pool.DisposeAsync();
        }
    }
}
