using System.Diagnostics;
using System.Net.Sockets;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.MultiNode;

/// <summary>
/// One room served by two real server processes that share Redis: clients on either node see the same room, and when a
/// node is killed (SIGKILL) its clients resume on the other node while the survivors' sweeper marks the ones that do not
/// come back as left (node-lost) within the documented bound.
/// </summary>
public sealed class NodeLossTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    /// <summary>docs/room-protocol.md: node timeout 8 s + one sweep interval (2 s) + delivery; the target is 15 s.</summary>
    private static readonly TimeSpan DetectionBound = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Converges = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Both_nodes_serve_one_room_and_a_killed_nodes_clients_resume_on_the_other()
    {
        var sessionId = await cluster.OpenSessionIdAsync();
        Uri[] onlyA = [cluster.AddressA], bThenA = [cluster.AddressB, cluster.AddressA], onlyB = [cluster.AddressB];
        await using var therapist = await ConnectAsync(DemoAccounts.Therapist, onlyA);
        await using var coFacilitator = await ConnectAsync(DemoAccounts.Admin, bThenA);
        await using var onA = await ConnectAsync(DemoAccounts.Patient(1), onlyA);
        await using var onB = await ConnectAsync(DemoAccounts.Patient(2), bThenA, messagePack: true);
        await using var stranded = await ConnectAsync(DemoAccounts.Patient(3), onlyB);
        RoomClient[] everyone = [therapist, coFacilitator, onA, onB, stranded];

        // Same lobby on both nodes; admits, mutes, chat and hands cross between them.
        await therapist.JoinSession(sessionId, null);
        await coFacilitator.JoinSession(sessionId, null);
        foreach (var patient in new[] { onA, onB, stranded })
        {
            await patient.JoinSession(sessionId, RoomParticipants.AtHome);
        }

        await Eventually.TrueAsync(() => therapist.View.Lobby.Count == 3 && coFacilitator.View.Lobby.Count == 3, "both moderators see three waiting", Converges);
        Assert.Equal(therapist.View.Lobby.Select(l => l.Id).Order(), coFacilitator.View.Lobby.Select(l => l.Id).Order());

        await coFacilitator.Admit(onA.View.SelfId!);
        await therapist.Admit(onB.View.SelfId!);
        await therapist.Admit(stranded.View.SelfId!);
        await Converged(everyone, "everyone is admitted and sees the same five participants", participants: 5);

        await therapist.Mute(onB.View.SelfId!);
        await onB.SendChat("hello from node B", null);
        await onA.SendChat("hello from node A", null);
        await onA.RaiseHand();
        await onB.RaiseHand();
        await stranded.RaiseHand();
        await Eventually.TrueAsync(() => onB.View.HardMuted && coFacilitator.View.Find(onB.View.SelfId!) is { HardMuted: true }, "the mute crosses nodes", Converges);
        await Eventually.TrueAsync(() => everyone.All(c => c.View.Chat.Count == 2), "both lines reach both nodes", Converges);
        string[] hands = [onA.View.SelfId!, onB.View.SelfId!, stranded.View.SelfId!];
        await Eventually.TrueAsync(() => everyone.All(c => c.View.HandQueue.SequenceEqual(hands)), "one hand queue in raising order", Converges);

        // kill -9 of node B.
        var resumed = new[] { coFacilitator, onB }.Select(c => (Client: c, Id: c.View.SelfId!, Done: ResumedOn(c))).ToList();
        var strandedId = stranded.View.SelfId!;
        var clock = Stopwatch.StartNew();
        var killedAt = DateTimeOffset.UtcNow;
        await cluster.NodeB.KillAsync();

        Assert.True(cluster.NodeB.HasExited);
        Assert.False(await ListensAsync(cluster.AddressB), "nothing listens on node B's port after the kill");
        foreach (var (client, id, done) in resumed)
        {
            Assert.Equal(cluster.AddressA, await done.WaitAsync(Converges, TestContext.Current.CancellationToken));
            Assert.Equal(id, client.View.SelfId);
        }

        await Eventually.TrueAsync(() => therapist.View.Departures.Any(d => d.ParticipantId == strandedId), "the stranded patient is marked left", DetectionBound + TimeSpan.FromSeconds(5));
        var lost = therapist.View.Departures.Single(d => d.ParticipantId == strandedId);
        var detection = lost.ReceivedAt - killedAt;
        TestContext.Current.TestOutputHelper?.WriteLine($"node-loss detection: {detection.TotalMilliseconds:F0} ms (kill to ParticipantLeft at a client of node A)");
        Assert.Equal(WireLeaveReasons.NodeLost, lost.Reason);
        Assert.InRange(detection, TimeSpan.FromSeconds(5), DetectionBound);
        // Those who came back at once never left: the others saw no departure of theirs, and their hands stayed up.
        Assert.All(resumed, r => Assert.DoesNotContain(therapist.View.Departures, d => d.ParticipantId == r.Id));
        RoomClient[] survivors = [therapist, coFacilitator, onA, onB];
        await Converged(survivors, "the survivors agree on four participants", participants: 4);
        await Eventually.TrueAsync(() => survivors.All(c => c.View.HandQueue.SequenceEqual(hands[..2])), "the lost hand leaves the queue", Converges);
        Assert.True(onB.View.HardMuted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "still within the grace window for the stranded patient");

        // The stranded patient comes back (to node A) within the grace window: the same participant, seen to join again.
        await using var back = await ConnectAsync(DemoAccounts.Patient(3), onlyA);
        var reply = await back.JoinSession(sessionId, RoomParticipants.AtHome);

        Assert.True(reply.Resumed);
        Assert.Equal(strandedId, reply.ParticipantId);
        Assert.Equal("admitted", reply.Admission);
        await Converged([therapist, coFacilitator, onA, onB, back], "everyone sees the stranded patient back", participants: 5);
        Assert.Equal(2, back.View.Chat.Count);
    }

    private async Task<RoomClient> ConnectAsync(string email, IReadOnlyList<Uri> servers, bool messagePack = false) =>
        await RoomParticipants.ConnectAsync(servers, await cluster.TokenAsync(email), messagePack);

    private static Task<Uri> ResumedOn(RoomClient client)
    {
        var resumed = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Resumed += server => resumed.TrySetResult(server);
        return resumed.Task;
    }

    /// <summary>Every client sees the same participants (by id), <paramref name="participants"/> of them.</summary>
    private static Task Converged(RoomClient[] clients, string what, int participants) => Eventually.TrueAsync(() =>
    {
        var ids = clients[0].View.Participants.Select(p => p.Id).Order().ToList();
        return ids.Count == participants && clients.All(c => c.View.Admission == "admitted" && c.View.Participants.Select(p => p.Id).Order().SequenceEqual(ids));
    }, what, Converges);

    private static async Task<bool> ListensAsync(Uri address)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(address.Host, address.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
