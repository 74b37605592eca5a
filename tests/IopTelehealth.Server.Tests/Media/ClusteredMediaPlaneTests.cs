using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using IopTelehealth.Media.Janus.VideoRoom;
using IopTelehealth.Redis;
using IopTelehealth.Server.Media;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;
using IopTelehealth.Testing.WebRtc;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>
/// Two server nodes' media planes (each with its own Janus session) sharing a real Redis and a real Janus: a participant's
/// handles live on the node serving them, and a removal or the end of the session decided on the other node still closes them.
/// </summary>
public sealed class ClusteredMediaPlaneTests(SfuServer sfu) : IClassFixture<SfuServer>, IAsyncLifetime
{
    private static readonly TimeSpan Connect = TimeSpan.FromSeconds(20);
    private readonly List<IAsyncDisposable> _owned = [];

    // Both nodes of one deployment use the same keys.
    private readonly RedisRoomsOptions _shared = new() { KeyPrefix = $"cluster-{Guid.NewGuid():N}:" };
    private RedisServerProcess _redis = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _redis = await RedisServerProcess.StartAsync();

    [Fact]
    public async Task A_removal_on_one_node_closes_the_subscriber_connection_another_node_holds()
    {
        var (nodeA, planeA) = await NodeAsync();
        var (_, planeB) = await NodeAsync();
        var session = new SessionId(Guid.NewGuid());
        await planeA.EnsureRoomAsync(session, 6, Ct);
        var publisher = ParticipantId.New();
        var viewer = ParticipantId.New();
        await PublishLiveAsync(planeA, session, publisher);
        var offer = await planeA.SubscribeAsync(session, viewer, MediaOwners.Page, includeVideo: true, Ct);
        Assert.NotNull(offer);
        var viewerPeer = Own(new TestPeer());
        await planeA.AnswerSubscriptionAsync(session, viewer, viewerPeer.AnswerTo(offer), Ct);
        await viewerPeer.ConnectAsync(offer, weOffered: false, Connect);
        Assert.True(nodeA.HoldsHandlesOf(session, viewer));

        await planeB.RemoveParticipantAsync(session, viewer, Ct);

        await Eventually.TrueAsync(() => !nodeA.HoldsHandlesOf(session, viewer), "node A closes the removed viewer's subscriber connection");
        Assert.True(nodeA.HoldsHandlesOf(session, publisher));

        await planeB.CloseRoomAsync(session, Ct);
        await Eventually.TrueAsync(() => !nodeA.HoldsHandlesOf(session, publisher), "node A forgets the room another node closed");
    }

    public async ValueTask DisposeAsync()
    {
        _owned.Reverse();
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    private T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>One server node's media plane as the host composes it, with its own Janus session and Redis connection.</summary>
    private async Task<(JanusVideoRoomMediaPlane Inner, ClusteredMediaPlane Plane)> NodeAsync()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        _owned.Add(new AsyncDisposer(redis.DisposeAsync));
        var janusOptions = JanusOptions();
        var pool = Own(new JanusGatewayPool(janusOptions.Nodes, new JanusGatewayOptions(), NullLoggerFactory.Instance));
        var inner = Own(new JanusVideoRoomMediaPlane(pool, new RedisMediaRoomDirectory(redis, _shared), [],
            new RedisMediaHandleDirectory(redis, _shared), janusOptions, TimeProvider.System, NullLogger<JanusVideoRoomMediaPlane>.Instance));
        var plane = new ClusteredMediaPlane(inner, new MediaNodeLink(redis));
        var link = new MediaNodeLinkService(redis, plane, NullLogger<MediaNodeLinkService>.Instance);
        await link.StartAsync(Ct);
        return (inner, plane);
    }

    private JanusMediaOptions JanusOptions()
    {
        var node = sfu.JanusNode;
        return new JanusMediaOptions { Nodes = [node], AllowLoopbackCandidates = true };
    }

    private async Task PublishLiveAsync(ClusteredMediaPlane plane, SessionId session, ParticipantId participant)
    {
        var peer = Own(new TestPeer());
        var answer = await plane.PublishAsync(session, participant, MediaOwners.Page, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, Connect);
    }

    private sealed class AsyncDisposer(Func<ValueTask> dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => dispose();
    }
}
