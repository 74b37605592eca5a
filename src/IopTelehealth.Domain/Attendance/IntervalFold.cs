using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

/// <summary>
/// Derives one person's intervals in one session from the facts recorded about them (and the session's end). A pure
/// function of the set of events: duplicates are removed by id and events are taken in time order, so a leave without a
/// join, a repeated join or events arriving out of order can never produce overlapping or two open intervals.
/// </summary>
public static class IntervalFold
{
    public static IReadOnlyList<AttendanceInterval> Fold(SessionId sessionId, Guid userId, IEnumerable<AttendanceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events
            .Where(e => e.SessionId == sessionId && (e.Kind == AttendanceEventKind.SessionEnded || e.UserId == userId))
            .DistinctBy(e => e.EventId, StringComparer.Ordinal)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Sequence)
            .ThenBy(e => Rank(e.Kind))
            .ThenBy(e => e.EventId, StringComparer.Ordinal);

        var intervals = new List<AttendanceInterval>();
        AttendanceInterval? open = null;
        foreach (var e in ordered)
        {
            switch (e.Kind)
            {
                case AttendanceEventKind.Opened when open is null:
                    open = new AttendanceInterval(sessionId, userId, e.Mode!.Value, e.At, null, null, e.EventId, null);
                    break;
                case AttendanceEventKind.Opened when open.Mode != e.Mode:
                    Close(intervals, open, e, AttendanceEndReason.ModeChanged);
                    open = new AttendanceInterval(sessionId, userId, e.Mode!.Value, e.At, null, null, e.EventId, null);
                    break;
                case AttendanceEventKind.Closed when open is not null && AttendanceEvent.ChannelOf(open.Mode) == e.Channel:
                    Close(intervals, open, e, e.Reason ?? AttendanceEndReason.Left);
                    open = null;
                    break;
                case AttendanceEventKind.SessionEnded when open is not null:
                    Close(intervals, open, e, AttendanceEndReason.SessionEnded);
                    open = null;
                    break;
                default:
                    // A repeated join in the same mode, a leave of a channel the person is not present through, an end
                    // with nobody present: facts that change nothing.
                    break;
            }
        }

        if (open is not null)
        {
            intervals.Add(open);
        }

        return intervals;
    }

    /// <summary>
    /// At one instant and sequence (facts from different sources), leaves come before joins (a rejoin at the same millisecond
    /// stays open) and the session's end comes last.
    /// </summary>
    private static int Rank(AttendanceEventKind kind) => kind switch
    {
        AttendanceEventKind.Closed => 0,
        AttendanceEventKind.Opened => 1,
        _ => 2,
    };

    private static void Close(List<AttendanceInterval> intervals, AttendanceInterval open, AttendanceEvent e, AttendanceEndReason reason)
    {
        // A zero-length stretch (joined and left at the same instant) carries no minutes and is left out.
        if (e.At > open.Start)
        {
            intervals.Add(open with { End = e.At, EndReason = reason, EndEventId = e.EventId });
        }
    }
}
