using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Attendance;

/// <summary>The wire names of attendance values (API, pages, CSV); stable, documented in docs/attendance.md.</summary>
internal static class AttendanceNames
{
    public static string Of(AttendanceMode mode) => mode switch
    {
        AttendanceMode.Video => "video",
        AttendanceMode.AudioOnly => "audio-only",
        AttendanceMode.InPerson => "in-person",
        _ => "room-device",
    };

    public static string Of(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "present",
        AttendanceStatus.Partial => "partial",
        AttendanceStatus.Excused => "excused",
        _ => "absent",
    };

    /// <summary>Telehealth claim modifier: 95 synchronous video, 93 audio-only; none in person.</summary>
    public static string Modifier(AttendanceMode mode) => mode switch
    {
        AttendanceMode.Video => "95",
        AttendanceMode.AudioOnly => "93",
        _ => "",
    };

    public static IReadOnlyList<string> Flags(SessionAttendance attendance, IEnumerable<AttendanceInterval> intervals)
    {
        var flags = new List<string>();
        if (attendance.Late)
        {
            flags.Add("late");
        }

        if (attendance.LeftEarly)
        {
            flags.Add("left-early");
        }

        if (intervals.Any(i => i.UserId == attendance.UserId && i.EndReason is AttendanceEndReason.Dropped or AttendanceEndReason.NodeLost))
        {
            flags.Add("connection-lost");
        }

        if (attendance.Modes.Contains(AttendanceMode.AudioOnly))
        {
            flags.Add("audio-only");
        }

        if (attendance.StillPresent)
        {
            flags.Add("in-session");
        }

        return flags;
    }
}
