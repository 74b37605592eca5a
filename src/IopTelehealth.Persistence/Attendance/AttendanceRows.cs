using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Persistence.Attendance;

/// <summary>One recorded attendance fact; its id is the primary key, which is what makes recording idempotent.</summary>
public sealed class AttendanceEventRow
{
    public string EventId { get; set; } = "";

    public Guid SessionId { get; set; }

    /// <summary><see cref="Guid.Empty"/> for a session-wide fact (the session ended).</summary>
    public Guid UserId { get; set; }

    public AttendanceEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    public long Sequence { get; set; }

    public AttendanceMode? Mode { get; set; }

    public AttendanceChannel? Channel { get; set; }

    public AttendanceEndReason? Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? Location { get; set; }

    public static AttendanceEventRow From(AttendanceEvent e, DateTimeOffset recordedAt) => new()
    {
        EventId = e.EventId,
        SessionId = e.SessionId.Value,
        UserId = e.UserId,
        Kind = e.Kind,
        At = e.At,
        Sequence = e.Sequence,
        Mode = e.Mode,
        Channel = e.Channel,
        Reason = e.Reason,
        RecordedAt = recordedAt,
        Location = e.Location,
    };

    public AttendanceEvent ToEvent() => new(EventId, new SessionId(SessionId), UserId, Kind, At, Mode, Channel, Reason, Sequence, Location);
}

/// <summary>A derived interval, rebuilt from the events of its person and session in the transaction that recorded them.</summary>
public sealed class AttendanceIntervalRow
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public AttendanceMode Mode { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset? End { get; set; }

    public AttendanceEndReason? EndReason { get; set; }

    public string StartEventId { get; set; } = "";

    public string? EndEventId { get; set; }

    public static AttendanceIntervalRow From(AttendanceInterval i) => new()
    {
        SessionId = i.SessionId.Value,
        UserId = i.UserId,
        Mode = i.Mode,
        Start = i.Start,
        End = i.End,
        EndReason = i.EndReason,
        StartEventId = i.StartEventId,
        EndEventId = i.EndEventId,
    };

    public AttendanceInterval ToInterval() => new(new SessionId(SessionId), UserId, Mode, Start, End, EndReason, StartEventId, EndEventId);
}

/// <summary>
/// One row per session, bumped at the start of every ledger write: the row lock serialises writers of one session across
/// nodes (PostgreSQL) and takes SQLite's write lock early, so a rebuild always sees every committed event.
/// </summary>
public sealed class AttendanceSessionLock
{
    public string SessionKey { get; set; } = "";

    public long Version { get; set; }
}

/// <summary>Marks a session whose missed-session follow-ups were created, so the periodic pass does each session once.</summary>
public sealed class FollowUpRun
{
    public Guid SessionId { get; set; }

    public DateTimeOffset At { get; set; }
}
