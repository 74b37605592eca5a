using IopTelehealth.Domain.Rooms;
using static IopTelehealth.Domain.Tests.Rooms.RoomServiceHarness;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>
/// The sweeper: a node that stops heartbeating is claimed once, its participants leave (node-lost) at their own last heartbeat,
/// participants past the grace window are forgotten, and rooms far past their end are ended.
/// </summary>
public sealed class RoomSweeperTests
{
    private readonly RoomServiceHarness _rooms = new();

    [Fact]
    public async Task A_node_that_stops_heartbeating_is_claimed_once_and_its_participants_leave_at_their_own_last_heartbeat()
    {
        var (therapist, early, late) = await RoomAcrossTwoNodesAsync();
        var t0 = _rooms.Clock.GetUtcNow();
        _rooms.Clock.Advance(TimeSpan.FromSeconds(3));
        await _rooms.Service.HeartbeatAsync(early, Ct);
        _rooms.Clock.Advance(TimeSpan.FromSeconds(1));
        await _rooms.Service.HeartbeatAsync(late, Ct);

        // node-b's last heartbeat was at t0; node-a keeps sweeping. At t0 + 8 s node-b is not yet overdue.
        _rooms.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await _rooms.Sweeper.SweepAsync("node-a", Ct));
        Assert.Empty(_rooms.Departures);

        _rooms.Clock.Advance(TimeSpan.FromSeconds(2));
        var claims = await Task.WhenAll(_rooms.Sweeper.SweepAsync("node-a", Ct), _rooms.Sweeper.SweepAsync("node-c", Ct));
        var again = await _rooms.Sweeper.SweepAsync("node-a", Ct);

        Assert.Equal(2, claims.Sum());
        Assert.Equal(0, again);
        var left = _rooms.Departures.ToDictionary(d => d.ParticipantId);
        Assert.Equal(2, left.Count);
        Assert.Equal((LeaveReason.NodeLost, t0.AddSeconds(3)), (left[early.ParticipantId].Reason, left[early.ParticipantId].At));
        Assert.Equal((LeaveReason.NodeLost, t0.AddSeconds(4)), (left[late.ParticipantId].Reason, left[late.ParticipantId].At));
        Assert.Equal(2, _rooms.Notifier.Events.OfType<ParticipantLeft>().Count());
        var room = await _rooms.RoomAsync();
        Assert.Equal(t0.AddSeconds(3), room.Find(early.ParticipantId)!.DisconnectedAt);
        Assert.Equal(LeaveReason.NodeLost, room.Find(late.ParticipantId)!.DisconnectReason);
        Assert.True(room.Find(therapist.ParticipantId)!.IsPresent);
        Assert.Null(await _rooms.Presence.GetAsync(early.ConnectionId, Ct));
    }

    [Fact]
    public async Task Participants_of_a_lost_node_who_do_not_come_back_are_forgotten_after_the_grace_window()
    {
        var (_, early, late) = await RoomAcrossTwoNodesAsync();
        await _rooms.Service.HeartbeatAsync(late, Ct);
        _rooms.Clock.Advance(TimeSpan.FromSeconds(10));
        await _rooms.Sweeper.SweepAsync("node-a", Ct);
        var resumed = await _rooms.Service.JoinAsync(late.Caller, _rooms.SessionId, Home, "late-again", "node-a", Ct);

        _rooms.Clock.Advance(_rooms.Settings.GraceWindow);
        await _rooms.Sweeper.SweepAsync("node-a", Ct);

        var room = await _rooms.RoomAsync();
        Assert.Null(room.Find(early.ParticipantId));
        Assert.True(resumed.Result.Resumed);
        Assert.True(room.Find(late.ParticipantId)!.IsPresent);
    }

    [Fact]
    public async Task A_room_nobody_ended_is_ended_once_its_scheduled_end_is_past_by_the_overrun()
    {
        var (therapist, _, _) = await RoomAcrossTwoNodesAsync();
        var end = _rooms.Session.ScheduledEnd + _rooms.Settings.AutoEndAfter;

        _rooms.Clock.Advance(end - _rooms.Clock.GetUtcNow());
        await SweepKeepingNodesAliveAsync();
        Assert.Equal(RoomPhase.Live, (await _rooms.RoomAsync()).Phase);

        _rooms.Clock.Advance(TimeSpan.FromSeconds(1));
        await SweepKeepingNodesAliveAsync();

        var room = await _rooms.RoomAsync();
        Assert.Equal(RoomPhase.Ended, room.Phase);
        Assert.Empty(room.Participants);
        Assert.Single(_rooms.Sink.Events.OfType<RoomEnded>());
        Assert.Contains(_rooms.Departures, d => d.ParticipantId == therapist.ParticipantId && d.Reason == LeaveReason.SessionEnded);
    }

    [Fact]
    public async Task A_sweeping_node_heartbeats_itself_and_never_claims_its_own_connections()
    {
        var (therapist, _, _) = await RoomAcrossTwoNodesAsync();

        _rooms.Clock.Advance(TimeSpan.FromMinutes(5));
        var lost = await _rooms.Sweeper.SweepAsync("node-a", Ct);

        Assert.Equal(2, lost);
        Assert.NotNull(await _rooms.Presence.GetAsync(therapist.ConnectionId, Ct));
        Assert.True((await _rooms.RoomAsync()).Find(therapist.ParticipantId)!.IsPresent);
        Assert.Empty(await _rooms.Presence.ExpiredNodesAsync(_rooms.Clock.GetUtcNow(), Ct));
    }

    /// <summary>The therapist on node-a, two admitted patients on node-b; both nodes heartbeat now (the sweep does it).</summary>
    private async Task<(RoomConnection Therapist, RoomConnection Early, RoomConnection Late)> RoomAcrossTwoNodesAsync()
    {
        var therapist = await _rooms.JoinAsync(_rooms.Therapist());
        var early = await _rooms.AdmittedAsync(therapist, "River", "node-b");
        var late = await _rooms.AdmittedAsync(therapist, "Oak", "node-b");
        await SweepKeepingNodesAliveAsync();
        return (therapist, early, late);
    }

    /// <summary>Both nodes heartbeat at the clock's time (as their own sweeps would have all along), then node-a sweeps.</summary>
    private async Task SweepKeepingNodesAliveAsync()
    {
        await _rooms.Presence.NodeHeartbeatAsync("node-b", _rooms.Clock.GetUtcNow(), Ct);
        await _rooms.Sweeper.SweepAsync("node-a", Ct);
    }
}
