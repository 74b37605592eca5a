using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

public enum AttendanceStatus
{
    /// <summary>Attended the whole session, give or take the program's late-arrival and early-leave allowances.</summary>
    Present = 0,

    /// <summary>Attended some of it.</summary>
    Partial = 1,

    /// <summary>No minutes, not excused.</summary>
    Absent = 2,

    /// <summary>No minutes; the therapist excused the absence.</summary>
    Excused = 3,
}

/// <summary>The session's schedule as attendance needs it.</summary>
public sealed record SessionWindow(SessionId SessionId, DateOnly LocalDate, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd)
{
    public int ScheduledMinutes => (int)(ScheduledEnd - ScheduledStart).TotalMinutes;
}

/// <summary>One patient in one session, derived from intervals (never stored as the only truth).</summary>
public sealed record SessionAttendance(SessionId SessionId, Guid UserId, int Minutes, DateTimeOffset? FirstJoin, DateTimeOffset? LastLeave,
    bool StillPresent, bool Late, bool LeftEarly, AttendanceStatus Status, IReadOnlyList<AttendanceMode> Modes,
    IReadOnlyDictionary<AttendanceMode, int> MinutesByMode)
{
    /// <summary>
    /// Attended at all (present or partial: any presence in the scheduled window, remote or in person, even under a minute).
    /// The one rule behind the roster's participant count, the dashboard's attendance rate and the billing export's group size.
    /// </summary>
    public bool Attended => Status is AttendanceStatus.Present or AttendanceStatus.Partial;

    /// <summary>
    /// Minutes count from the scheduled start (waiting in an early-opened room is not therapy) to each interval's end; an
    /// open interval counts up to <paramref name="asOf"/>. Minutes are whole minutes, rounded down, of the summed seconds.
    /// </summary>
    public static SessionAttendance Derive(SessionWindow session, Guid userId, IEnumerable<AttendanceInterval> intervals, ProgramSettings program,
        bool excused, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(program);
        var mine = intervals.Where(i => i.SessionId == session.SessionId && i.UserId == userId).OrderBy(i => i.Start).ToList();
        var byMode = new Dictionary<AttendanceMode, double>();
        foreach (var interval in mine)
        {
            var start = interval.Start > session.ScheduledStart ? interval.Start : session.ScheduledStart;
            var end = interval.End ?? asOf;
            if (end > start)
            {
                byMode[interval.Mode] = byMode.GetValueOrDefault(interval.Mode) + (end - start).TotalSeconds;
            }
        }

        var seconds = byMode.Values.Sum();
        var minutes = (int)(seconds / 60);
        var first = mine.Count > 0 ? mine[0].Start : (DateTimeOffset?)null;
        var stillPresent = mine.Any(i => i.IsOpen);
        var last = mine.Count > 0 && !stillPresent ? mine.Max(i => i.End) : null;
        var late = first is { } f && f > session.ScheduledStart + TimeSpan.FromMinutes(program.LateArrivalMinutes);
        var early = last is { } l && l < session.ScheduledEnd - TimeSpan.FromMinutes(program.EarlyLeaveMinutes);
        var full = session.ScheduledMinutes - program.LateArrivalMinutes - program.EarlyLeaveMinutes;
        // Any presence at all is partial: a patient who came for forty seconds was not absent, even if that bills no minute.
        var status = seconds <= 0 && !stillPresent ? (excused ? AttendanceStatus.Excused : AttendanceStatus.Absent)
            : minutes >= full ? AttendanceStatus.Present
            : AttendanceStatus.Partial;
        return new SessionAttendance(session.SessionId, userId, minutes, first, last, stillPresent, late, early, status,
            [.. mine.Select(i => i.Mode).Distinct().Order()],
            byMode.ToDictionary(kv => kv.Key, kv => (int)(kv.Value / 60)));
    }
}
