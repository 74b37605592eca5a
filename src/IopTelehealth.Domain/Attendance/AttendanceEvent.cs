using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

public enum AttendanceEventKind
{
    /// <summary>Present from <see cref="AttendanceEvent.At"/> in <see cref="AttendanceEvent.Mode"/>.</summary>
    Opened = 0,

    /// <summary>No longer present through <see cref="AttendanceEvent.Channel"/> from <see cref="AttendanceEvent.At"/>.</summary>
    Closed = 1,

    /// <summary>The session ended for everyone (<see cref="AttendanceEvent.UserId"/> is empty).</summary>
    SessionEnded = 2,
}

/// <summary>
/// One fact the ledger learns, identified by a stable <see cref="EventId"/>: recording the same id twice changes nothing.
/// Intervals are a pure function of the set of facts (see <see cref="IntervalFold"/>), so order of arrival does not matter.
/// <see cref="Sequence"/> orders facts that share an instant (the room's version for room events; 0 when unknown).
/// <see cref="Location"/> is where a remote patient attested to be when they joined (PHI: stored, never logged).
/// </summary>
public sealed record AttendanceEvent(string EventId, SessionId SessionId, Guid UserId, AttendanceEventKind Kind, DateTimeOffset At,
    AttendanceMode? Mode = null, AttendanceChannel? Channel = null, AttendanceEndReason? Reason = null, long Sequence = 0, string? Location = null)
{
    public const int LocationMaxLength = Attestation.LocationMaxLength + Attestation.StateMaxLength + 2;

    public const int EventIdMaxLength = 120;

    public static AttendanceEvent Opened(string eventId, SessionId sessionId, Guid userId, AttendanceMode mode, DateTimeOffset at, long sequence = 0) =>
        Validated(new(eventId, sessionId, userId, AttendanceEventKind.Opened, at, mode, ChannelOf(mode), null, sequence));

    public static AttendanceEvent Closed(string eventId, SessionId sessionId, Guid userId, AttendanceChannel channel, AttendanceEndReason reason, DateTimeOffset at,
        long sequence = 0) =>
        Validated(new(eventId, sessionId, userId, AttendanceEventKind.Closed, at, null, channel, reason, sequence));

    public static AttendanceEvent Ended(string eventId, SessionId sessionId, DateTimeOffset at, long sequence = 0) =>
        Validated(new(eventId, sessionId, Guid.Empty, AttendanceEventKind.SessionEnded, at, null, null, AttendanceEndReason.SessionEnded, sequence));

    public static AttendanceChannel ChannelOf(AttendanceMode mode) => mode == AttendanceMode.InPerson ? AttendanceChannel.InPerson : AttendanceChannel.Remote;

    private static AttendanceEvent Validated(AttendanceEvent e)
    {
        if (string.IsNullOrWhiteSpace(e.EventId) || e.EventId.Length > EventIdMaxLength)
        {
            throw new DomainRuleException(nameof(EventId), $"An attendance event needs an id of 1 to {EventIdMaxLength} characters.");
        }

        if (e.Kind != AttendanceEventKind.SessionEnded && e.UserId == Guid.Empty)
        {
            throw new DomainRuleException(nameof(UserId), "An attendance event names the person it is about.");
        }

        return e with { At = e.At.ToUniversalTime() };
    }
}
