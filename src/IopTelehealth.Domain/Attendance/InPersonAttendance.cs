using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

public enum CheckInOutcome
{
    /// <summary>An in-person interval opened.</summary>
    CheckedIn = 0,

    /// <summary>The patient was already checked in; nothing changed.</summary>
    AlreadyCheckedIn = 1,

    /// <summary>
    /// The patient was present remotely: that interval closed at the check-in instant (mode changed) and the in-person one
    /// opened. The caller should end the remote connection; its later leave no longer touches the in-person interval.
    /// </summary>
    SwitchedFromRemote = 2,
}

public enum CheckOutOutcome
{
    CheckedOut = 0,

    /// <summary>No in-person interval was open (never checked in, already out, or the session ended); nothing changed.</summary>
    NotCheckedIn = 1,
}

/// <summary>
/// In-person check-in and check-out for hybrid sessions (staff roster, QR scan), through the same ledger as remote presence.
/// A patient is never remote and in person at once: the ledger keeps one open interval per person and session, and a
/// check-in closes a remote one. Every call carries the id of the act that caused it (a staff click, a QR token), so a
/// repeated request records nothing new. Session end closes in-person intervals too (the room's RoomEnded, or
/// <see cref="EndSessionAsync"/> for a session that never had a room).
/// </summary>
public sealed class InPersonAttendance(IAttendanceLog log)
{
    public async Task<CheckInOutcome> CheckInAsync(SessionId sessionId, Guid userId, DateTimeOffset at, string sourceEventId,
        CancellationToken cancellationToken = default)
    {
        var open = await log.OpenIntervalAsync(sessionId, userId, cancellationToken);
        if (open?.Mode == AttendanceMode.InPerson)
        {
            return CheckInOutcome.AlreadyCheckedIn;
        }

        await log.RecordAsync([AttendanceEvent.Opened(Id("in", sourceEventId), sessionId, userId, AttendanceMode.InPerson, at)], cancellationToken);
        return open is null ? CheckInOutcome.CheckedIn : CheckInOutcome.SwitchedFromRemote;
    }

    public async Task<CheckOutOutcome> CheckOutAsync(SessionId sessionId, Guid userId, DateTimeOffset at, string sourceEventId,
        CancellationToken cancellationToken = default)
    {
        var open = await log.OpenIntervalAsync(sessionId, userId, cancellationToken);
        if (open?.Mode != AttendanceMode.InPerson)
        {
            return CheckOutOutcome.NotCheckedIn;
        }

        await log.RecordAsync([AttendanceEvent.Closed(Id("out", sourceEventId), sessionId, userId, AttendanceChannel.InPerson,
            AttendanceEndReason.CheckedOut, at)], cancellationToken);
        return CheckOutOutcome.CheckedOut;
    }

    /// <summary>Closes every open interval of the session (remote and in person) at <paramref name="at"/>.</summary>
    public Task EndSessionAsync(SessionId sessionId, DateTimeOffset at, string sourceEventId, CancellationToken cancellationToken = default) =>
        log.RecordAsync([AttendanceEvent.Ended(Id("end", sourceEventId), sessionId, at)], cancellationToken);

    /// <summary>Whether the person is present in the session right now, and how (null: not present).</summary>
    public async Task<AttendanceMode?> CurrentModeAsync(SessionId sessionId, Guid userId, CancellationToken cancellationToken = default) =>
        (await log.OpenIntervalAsync(sessionId, userId, cancellationToken))?.Mode;

    // Prefixed so a caller's ids never collide with the room's ("room:...") or with each other's kinds.
    private static string Id(string kind, string sourceEventId) => $"inperson-{kind}:{sourceEventId}";
}
