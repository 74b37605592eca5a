using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// Periodic work any node may do: keep this node's heartbeat, close the connections of nodes that stopped
/// heartbeating (at each connection's own last heartbeat), forget participants past their grace window and end
/// rooms long past their scheduled end.
/// </summary>
public sealed class RoomSweeper(IRoomStore rooms, IPresenceStore presence, RoomPublisher publisher, TimeProvider clock, RoomSettings settings)
{
    /// <returns>How many participants of dead nodes were disconnected.</returns>
    public async Task<int> SweepAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await presence.NodeHeartbeatAsync(nodeId, now, cancellationToken);
        var lost = 0;
        foreach (var node in await presence.ExpiredNodesAsync(now - settings.NodeTimeout, cancellationToken))
        {
            if (node == nodeId)
            {
                continue;
            }

            foreach (var entry in await presence.ClaimNodeAsync(node, cancellationToken))
            {
                lost += await ChangeAsync(entry.SessionId, room => room.Disconnect(entry.ConnectionId, LeaveReason.NodeLost, entry.LastSeen), cancellationToken) ? 1 : 0;
            }
        }

        foreach (var sessionId in await rooms.ListActiveAsync(cancellationToken))
        {
            var state = await rooms.GetAsync(sessionId, cancellationToken);
            if (state is null)
            {
                continue;
            }

            if (now > state.ScheduledEnd + settings.AutoEndAfter)
            {
                await ChangeAsync(sessionId, room =>
                {
                    room.End(null, now);
                    return true;
                }, cancellationToken);
            }
            else if (state.Participants.Any(p => p.DisconnectedAt is { } at && now - at > settings.GraceWindow))
            {
                await ChangeAsync(sessionId, room => room.ExpireGrace(now, settings.GraceWindow), cancellationToken);
            }
        }

        return lost;
    }

    private async Task<bool> ChangeAsync(SessionId sessionId, Func<Room, bool> change, CancellationToken cancellationToken)
    {
        try
        {
            var result = await rooms.ChangeAsync(sessionId, () => throw new RoomException(RoomErrors.SessionNotFound, "No such session."), change, cancellationToken);
            await publisher.PublishAsync(result.State, result.Events, cancellationToken);

            return result.Result;
        }
        catch (RoomException e) when (e.Code == RoomErrors.SessionNotFound)
        {
            // The room expired from the store meanwhile: nothing left to close.
            return false;
        }
    }
}
