namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// What a transition changed, in domain terms. The notifier turns these into client events and decides who may
/// receive each (for example lobby changes reach moderators only); attendance listens to joins and leaves.
/// </summary>
public abstract record RoomEvent(SessionId SessionId)
{
    /// <summary>
    /// Stable id, set when the room raises the event: the session, the room's incarnation and the room version the
    /// transition produced. A transition retried on another node (optimistic concurrency) yields the same id, so
    /// durable listeners such as the attendance ledger can deduplicate by it.
    /// </summary>
    public string EventId { get; init; } = "";

    /// <summary>The room version the event produced: orders events of one room that share a timestamp.</summary>
    public long Sequence { get; init; }
}

public sealed record ParticipantJoined(SessionId SessionId, ParticipantId ParticipantId, bool Resumed) : RoomEvent(SessionId);

/// <summary>
/// The participant is no longer present. <paramref name="At"/> is when presence ended (last heartbeat for a lost node).
/// <paramref name="InClinic"/>: they were checked in at the clinic (their in-person presence ended, not a remote one).
/// </summary>
public sealed record ParticipantLeft(SessionId SessionId, ParticipantId ParticipantId, Guid UserId, LeaveReason Reason, DateTimeOffset At,
    bool InClinic = false) : RoomEvent(SessionId);

public sealed record ParticipantUpdated(SessionId SessionId, ParticipantId ParticipantId) : RoomEvent(SessionId);

/// <summary>
/// The participant is in the room from <paramref name="At"/>. <paramref name="ByModerator"/> tells a lobby admission
/// (someone else's connection must be moved into the room) from entering directly or resuming (the joining call does it).
/// </summary>
public sealed record ParticipantAdmitted(SessionId SessionId, ParticipantId ParticipantId, Guid UserId, DateTimeOffset At, bool ByModerator) : RoomEvent(SessionId);

public sealed record LobbyChanged(SessionId SessionId) : RoomEvent(SessionId);

public sealed record HandQueueChanged(SessionId SessionId) : RoomEvent(SessionId);

public sealed record ParticipantMuted(SessionId SessionId, ParticipantId ParticipantId, bool Hard) : RoomEvent(SessionId);

public sealed record AskedToUnmute(SessionId SessionId, ParticipantId ParticipantId) : RoomEvent(SessionId);

public sealed record VideoStoppedByModerator(SessionId SessionId, ParticipantId ParticipantId) : RoomEvent(SessionId);

public sealed record ParticipantRemoved(SessionId SessionId, ParticipantId ParticipantId, string? ConnectionId, bool Banned) : RoomEvent(SessionId);

public sealed record ParticipantDenied(SessionId SessionId, ParticipantId ParticipantId, string? ConnectionId) : RoomEvent(SessionId);

/// <summary>
/// The participant's connection lost its place to something else and is told and closed; the participant itself stays.
/// Usually a newer connection of the same account took over. <paramref name="CheckedInAtClinic"/>: the patient was checked in
/// at the clinic instead, so the old connection's page must say so and must not offer to join remotely again.
/// </summary>
public sealed record ConnectionReplaced(SessionId SessionId, ParticipantId ParticipantId, string OldConnectionId, bool CheckedInAtClinic = false)
    : RoomEvent(SessionId);

/// <summary>Phase, lock or spotlight changed.</summary>
public sealed record RoomUpdated(SessionId SessionId) : RoomEvent(SessionId);

public sealed record RoomEnded(SessionId SessionId, DateTimeOffset At) : RoomEvent(SessionId);

/// <summary>
/// The participant switched between video and audio-only (billing tells them apart: modifier 95 or 93) or between remote and
/// in the clinic. Attendance closes one interval at <paramref name="At"/> and opens the next in the new mode.
/// </summary>
public sealed record ParticipantModeChanged(SessionId SessionId, ParticipantId ParticipantId, Guid UserId, AttendanceMode Mode, DateTimeOffset At) : RoomEvent(SessionId);

/// <summary>
/// Whether one kind of the participant's media may leave their browser changed: hard mute (audio), a moderator's stop
/// video, audio-only mode (video). The media plane enforces it at the SFU, whatever the browser keeps sending.
/// </summary>
public sealed record MediaBlocked(SessionId SessionId, ParticipantId ParticipantId, Media.MediaKind Kind, bool Blocked) : RoomEvent(SessionId);

/// <summary>A dropped participant's grace window passed: their place (and their media at the SFU) is gone.</summary>
public sealed record ParticipantExpired(SessionId SessionId, ParticipantId ParticipantId) : RoomEvent(SessionId);
