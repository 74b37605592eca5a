using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

/// <summary>
/// One stretch of presence of one person in one session in one mode. <see cref="End"/> is null while open; at most one
/// interval per person and session is open.
/// </summary>
public sealed record AttendanceInterval(SessionId SessionId, Guid UserId, AttendanceMode Mode, DateTimeOffset Start, DateTimeOffset? End,
    AttendanceEndReason? EndReason, string StartEventId, string? EndEventId)
{
    public bool IsOpen => End is null;

    /// <summary>Length up to <paramref name="asOf"/> for an open interval.</summary>
    public TimeSpan Duration(DateTimeOffset asOf)
    {
        var end = End ?? (asOf > Start ? asOf : Start);
        return end - Start;
    }
}
