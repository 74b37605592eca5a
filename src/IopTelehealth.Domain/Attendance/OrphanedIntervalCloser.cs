using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Attendance;

/// <summary>
/// When this server process started, and the last moment the process before it on the same data was known alive (null on
/// a first start). Lets the ledger tell "the room died with the previous process" from "the room vanished just now".
/// </summary>
public sealed record ServerLife(DateTimeOffset StartedAt, DateTimeOffset? PreviousLastAlive);

/// <summary>
/// Closes ledger intervals that no live room backs any more. Room changes and their facts cannot part (the facts are staged
/// in the room), so this happens only when a room itself was lost: the single-node in-memory store died with its process,
/// or Redis lost its data. Without it such a patient would stay "present" for ever and bill minutes nobody attended.
/// </summary>
/// <remarks>
/// An interval is an orphan when its session's room does not hold the person present through the interval's channel and holds
/// no staged facts about them, and the interval is still the same open one after the room was read (a leave recorded, or a
/// rejoin, in between is a different story, not an orphan). The close is a node-lost fact with an id derived from the
/// interval's start, so nodes reconciling together record it once, and it orders after every other fact of its instant.
/// It is placed at the last moment the previous process was alive when the interval began before this process (the room
/// died with it), else at detection (the room vanished while this process ran; the error is at most one reconciliation
/// interval).
/// </remarks>
public sealed class OrphanedIntervalCloser(IRoomStore rooms, IAttendanceLog log, TimeProvider clock)
{
    /// <returns>How many intervals were closed.</returns>
    public async Task<int> CloseAsync(ServerLife life, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(life);
        var closes = new List<AttendanceEvent>();
        foreach (var session in (await log.OpenIntervalsAsync(cancellationToken)).GroupBy(i => i.SessionId))
        {
            var room = await rooms.GetAsync(session.Key, cancellationToken);
            foreach (var interval in session.Where(i => room is null || !Backs(room, i)))
            {
                var still = await log.OpenIntervalAsync(session.Key, interval.UserId, cancellationToken);
                if (still?.StartEventId == interval.StartEventId)
                {
                    closes.Add(CloseOf(interval, life));
                }
            }
        }

        if (closes.Count > 0)
        {
            await log.RecordAsync(closes, cancellationToken);
        }

        return closes.Count;
    }

    private static bool Backs(RoomState room, AttendanceInterval interval)
    {
        if (room.PendingAttendance.Any(f => f.UserId == interval.UserId || f.Kind == AttendanceEventKind.SessionEnded))
        {
            // The ledger is about to hear more about this person (or everyone): not ours to judge.
            return true;
        }

        var inClinic = interval.Mode == AttendanceMode.InPerson;
        return room.FindByUser(interval.UserId) is { IsPresent: true } participant && participant.InClinic == inClinic;
    }

    private AttendanceEvent CloseOf(AttendanceInterval interval, ServerLife life)
    {
        var at = interval.Start < life.StartedAt && life.PreviousLastAlive is { } lastAlive ? lastAlive : clock.GetUtcNow();
        return AttendanceEvent.Closed(IdOf(interval), interval.SessionId, interval.UserId, AttendanceEvent.ChannelOf(interval.Mode),
            AttendanceEndReason.NodeLost, at > interval.Start ? at : interval.Start, long.MaxValue);
    }

    private static string IdOf(AttendanceInterval interval)
    {
        var id = $"orphan:{interval.StartEventId}";
        return id.Length <= AttendanceEvent.EventIdMaxLength
            ? id
            : $"orphan:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(interval.StartEventId)))}";
    }
}
