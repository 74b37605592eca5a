using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

/// <summary>Translates what a room transition raised into attendance facts (pure; the sink adapter records them).</summary>
public static class RoomAttendance
{
    public static IReadOnlyList<AttendanceEvent> Translate(RoomState state, IReadOnlyList<RoomEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var facts = new List<AttendanceEvent>();
        foreach (var e in events)
        {
            switch (e)
            {
                case ParticipantAdmitted admitted:
                    var opened = AttendanceEvent.Opened(e.EventId, e.SessionId, admitted.UserId, ModeOf(state, admitted.ParticipantId), admitted.At, e.Sequence);
                    facts.Add(opened with { Location = LocationOf(state, admitted.ParticipantId) });
                    break;
                case ParticipantLeft left when left.Reason is not (LeaveReason.Denied or LeaveReason.Replaced):
                    facts.Add(AttendanceEvent.Closed(e.EventId, e.SessionId, left.UserId, AttendanceChannel.Remote, ReasonOf(left.Reason), left.At, e.Sequence));
                    break;
                case ParticipantModeChanged changed when changed.Mode != AttendanceMode.InPerson && state.Find(changed.ParticipantId) is { IsPresent: true }:
                    facts.Add(AttendanceEvent.Opened(e.EventId, e.SessionId, changed.UserId, changed.Mode, changed.At, e.Sequence));
                    break;
                case RoomEnded ended:
                    facts.Add(AttendanceEvent.Ended(e.EventId, e.SessionId, ended.At, e.Sequence));
                    break;
                default:
                    break;
            }
        }

        return facts;
    }

    private static AttendanceMode ModeOf(RoomState state, ParticipantId id) =>
        state.Find(id)?.Role == ParticipantRole.RoomDevice ? AttendanceMode.RoomDevice : AttendanceMode.Video;

    private static string? LocationOf(RoomState state, ParticipantId id) =>
        state.Find(id)?.Attestation is { } a ? $"{a.Location}, {a.State}" : null;

    private static AttendanceEndReason ReasonOf(LeaveReason reason) => reason switch
    {
        LeaveReason.Removed => AttendanceEndReason.Removed,
        LeaveReason.Dropped => AttendanceEndReason.Dropped,
        LeaveReason.NodeLost => AttendanceEndReason.NodeLost,
        LeaveReason.SessionEnded => AttendanceEndReason.SessionEnded,
        _ => AttendanceEndReason.Left,
    };
}
