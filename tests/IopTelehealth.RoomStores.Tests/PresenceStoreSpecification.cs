using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.RoomStores.Tests;

/// <summary>
/// What every <see cref="IPresenceStore"/> must do. Times are whole milliseconds: that is the precision stores keep,
/// and attendance needs no finer.
/// </summary>
public abstract class PresenceStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="count"/> nodes sharing one fresh store (the in-memory store is a single node: the same instance).</summary>
    protected abstract IReadOnlyList<IPresenceStore> CreateNodes(int count);

    private IPresenceStore CreateStore() => CreateNodes(1)[0];

    [Fact]
    public async Task A_registered_connection_reads_back_as_registered()
    {
        var store = CreateStore();
        var entry = Entry("node-a", T0);

        await store.RegisterAsync(entry, Ct);

        Assert.Equal(entry, await store.GetAsync(entry.ConnectionId, Ct));
        Assert.Null(await store.GetAsync("no-such-connection", Ct));
    }

    [Fact]
    public async Task A_heartbeat_moves_last_seen_forward_and_never_back()
    {
        var store = CreateStore();
        var entry = Entry("node-a", T0);
        await store.RegisterAsync(entry, Ct);

        await store.HeartbeatAsync(entry.ConnectionId, T0.AddSeconds(20), Ct);
        await store.HeartbeatAsync(entry.ConnectionId, T0.AddSeconds(10), Ct);

        Assert.Equal(T0.AddSeconds(20), (await store.GetAsync(entry.ConnectionId, Ct))!.LastSeen);
    }

    [Fact]
    public async Task A_heartbeat_of_an_unknown_connection_creates_nothing()
    {
        var store = CreateStore();

        await store.HeartbeatAsync("gone", T0, Ct);

        Assert.Null(await store.GetAsync("gone", Ct));
    }

    [Fact]
    public async Task A_removed_connection_is_gone_and_not_claimed_with_its_node()
    {
        var store = CreateStore();
        var kept = Entry("node-a", T0);
        var removed = Entry("node-a", T0);
        await store.RegisterAsync(kept, Ct);
        await store.RegisterAsync(removed, Ct);
        await store.NodeHeartbeatAsync("node-a", T0, Ct);

        await store.RemoveAsync(removed.ConnectionId, Ct);
        await store.RemoveAsync("never-registered", Ct);

        Assert.Null(await store.GetAsync(removed.ConnectionId, Ct));
        Assert.Equal([kept], await store.ClaimNodeAsync("node-a", Ct));
    }

    [Fact]
    public async Task Expired_nodes_are_those_last_heard_before_the_deadline()
    {
        var store = CreateStore();
        await store.NodeHeartbeatAsync("node-a", T0, Ct);
        await store.NodeHeartbeatAsync("node-b", T0.AddSeconds(30), Ct);

        Assert.Empty(await store.ExpiredNodesAsync(T0, Ct));
        Assert.Equal(["node-a"], await store.ExpiredNodesAsync(T0.AddMilliseconds(1), Ct));
        Assert.Equal(["node-a"], await store.ExpiredNodesAsync(T0.AddSeconds(30), Ct));
        Assert.Equal(["node-a", "node-b"], (await store.ExpiredNodesAsync(T0.AddMinutes(1), Ct)).Order());
    }

    [Fact]
    public async Task A_node_that_heartbeats_again_is_not_expired()
    {
        var store = CreateStore();
        await store.NodeHeartbeatAsync("node-a", T0, Ct);
        Assert.Equal(["node-a"], await store.ExpiredNodesAsync(T0.AddSeconds(15), Ct));

        await store.NodeHeartbeatAsync("node-a", T0.AddSeconds(20), Ct);

        Assert.Empty(await store.ExpiredNodesAsync(T0.AddSeconds(15), Ct));
    }

    [Fact]
    public async Task Ten_racing_claims_hand_a_dead_nodes_connections_to_exactly_one_caller()
    {
        var nodes = CreateNodes(2);
        var dead = new List<PresenceEntry>();
        for (var i = 0; i < 6; i++)
        {
            var entry = Entry("node-dead", T0);
            await nodes[0].RegisterAsync(entry, Ct);
            // Each connection was last heard at its own time; the claim must report exactly that.
            await nodes[0].HeartbeatAsync(entry.ConnectionId, T0.AddSeconds(i * 7).AddMilliseconds(i), Ct);
            dead.Add(entry with { LastSeen = T0.AddSeconds(i * 7).AddMilliseconds(i) });
        }

        var survivor = Entry("node-alive", T0);
        await nodes[1].RegisterAsync(survivor, Ct);
        await nodes[0].NodeHeartbeatAsync("node-dead", T0, Ct);
        await nodes[1].NodeHeartbeatAsync("node-alive", T0.AddMinutes(5), Ct);
        Assert.Equal(["node-dead"], await nodes[1].ExpiredNodesAsync(T0.AddMinutes(1), Ct));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await nodes[i % nodes.Count].ClaimNodeAsync("node-dead", Ct);
        }, Ct)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Count > 0);
        Assert.Equal(9, results.Count(r => r.Count == 0));
        Assert.Equal(dead.OrderBy(e => e.ConnectionId), winner.OrderBy(e => e.ConnectionId));
        Assert.Empty(await nodes[0].ClaimNodeAsync("node-dead", Ct));
        Assert.Empty(await nodes[0].ExpiredNodesAsync(T0.AddMinutes(1), Ct));
        foreach (var entry in dead)
        {
            Assert.Null(await nodes[1].GetAsync(entry.ConnectionId, Ct));
        }

        Assert.Equal(survivor, await nodes[0].GetAsync(survivor.ConnectionId, Ct));
    }

    [Fact]
    public async Task Claiming_a_node_never_heard_of_returns_nothing()
    {
        var store = CreateStore();
        await store.RegisterAsync(Entry("node-silent", T0), Ct);

        Assert.Empty(await store.ClaimNodeAsync("node-unknown", Ct));
        Assert.Empty(await store.ClaimNodeAsync("node-silent", Ct));
    }

    [Fact]
    public async Task A_connection_registered_again_on_another_node_belongs_to_that_node_only()
    {
        var store = CreateStore();
        var first = Entry("node-a", T0);
        var moved = first with { NodeId = "node-b", LastSeen = T0.AddSeconds(5) };
        await store.RegisterAsync(first, Ct);
        await store.RegisterAsync(moved, Ct);
        await store.NodeHeartbeatAsync("node-a", T0, Ct);
        await store.NodeHeartbeatAsync("node-b", T0, Ct);

        Assert.Empty(await store.ClaimNodeAsync("node-a", Ct));
        Assert.Equal([moved], await store.ClaimNodeAsync("node-b", Ct));
    }

    private static PresenceEntry Entry(string node, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), node, new SessionId(Guid.NewGuid()), ParticipantId.New(), Guid.NewGuid(), at);
}
