using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// Makes the SFU follow the room, whichever server node ran the transition: hard mute, stop video and audio-only stop
/// that media at the SFU (and lifting them lets it through); leaving, removal, grace expiry and node loss take the
/// participant off the SFU and tell the others their feeds changed; the end of the session destroys the media room.
/// Registered only with a media plane (mesh has nothing to enforce: browsers stop their own peer connections).
/// A media server failure must not undo or block the room change, nor keep other listeners (attendance) from it: it is
/// swallowed here, and the mute state is applied again on the participant's next publish.
/// </summary>
public sealed class MediaEnforcer(IMediaPlane plane, IMediaNotifier notifier) : IRoomEventSink
{
    public async Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var departed = new List<ParticipantId>();
        foreach (var roomEvent in events)
        {
            switch (roomEvent)
            {
                case MediaBlocked blocked:
                    await TryAsync(() => plane.SetMutedAsync(state.SessionId, blocked.ParticipantId, blocked.Kind, blocked.Blocked, cancellationToken));
                    break;
                case ParticipantLeft { Reason: LeaveReason.Left or LeaveReason.NodeLost or LeaveReason.Removed } left:
                    departed.Add(left.ParticipantId);
                    break;
                case ParticipantRemoved removed:
                    departed.Add(removed.ParticipantId);
                    break;
                case ParticipantExpired expired:
                    departed.Add(expired.ParticipantId);
                    break;
                case RoomEnded:
                    await TryAsync(() => plane.CloseRoomAsync(state.SessionId, cancellationToken));
                    return;
                default:
                    break;
            }
        }

        // A dropped connection keeps its media for the grace window: a signaling blip must not cut a working call.
        foreach (var participant in departed.Distinct())
        {
            await TryAsync(() => plane.RemoveParticipantAsync(state.SessionId, participant, cancellationToken));
        }

        if (departed.Count > 0)
        {
            var others = state.Participants.Where(p => p.IsPresent && p.ConnectionId is not null && !departed.Contains(p.Id)).Select(p => p.ConnectionId!).ToArray();
            await notifier.FeedsChangedAsync(others, cancellationToken);
        }
    }

    private static async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RoomException)
        {
            // Refused or unreachable media server: see the class comment.
        }
    }
}
