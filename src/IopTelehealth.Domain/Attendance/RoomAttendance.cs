using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Attendance;

/// <summary>
/// The attendance facts a room event stands for (pure). The room stages them in its own state as it raises the event
/// (<see cref="RoomState.PendingAttendance"/>), reading the state at that moment: who was admitted in which mode, where a
/// patient attested to be. Remote presence: an admission opens an interval (video, audio-only or room device), a departure
/// closes it, a switch between video and audio-only opens the next. In-clinic presence: a check-in (the in-person mode
/// change) opens an in-person interval, which closes a remote one at the same instant; an in-clinic participant's departure
/// closes it through the in-person channel. The session's end closes everything. Fact ids are the room event's stable id
/// (in-clinic facts suffixed, as one departure can be both), so a retried transition records nothing twice.
/// </summary>
public static class RoomAttendance
{
    public static IReadOnlyList<AttendanceEvent> FactsOf(RoomState state, RoomEvent roomEvent)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(roomEvent);
        var e = roomEvent;
        return e switch
        {
            ParticipantAdmitted admitted =>
                [AttendanceEvent.Opened(e.EventId, e.SessionId, admitted.UserId, ModeOf(state, admitted.ParticipantId), admitted.At, e.Sequence)
                    with { Location = LocationOf(state, admitted.ParticipantId) }],
            ParticipantLeft { InClinic: true, Reason: not LeaveReason.SessionEnded } left =>
                [AttendanceEvent.Closed(InClinicId(e), e.SessionId, left.UserId, AttendanceChannel.InPerson,
                    left.Reason == LeaveReason.Removed ? AttendanceEndReason.Removed : AttendanceEndReason.CheckedOut, left.At, e.Sequence)],
            ParticipantLeft { Reason: not (LeaveReason.Denied or LeaveReason.Replaced) } left =>
                [AttendanceEvent.Closed(e.EventId, e.SessionId, left.UserId, AttendanceChannel.Remote, ReasonOf(left.Reason), left.At, e.Sequence)],
            ParticipantModeChanged { Mode: AttendanceMode.InPerson } checkIn =>
                [AttendanceEvent.Opened(InClinicId(e), e.SessionId, checkIn.UserId, AttendanceMode.InPerson, checkIn.At, e.Sequence)],
            ParticipantModeChanged changed when state.Find(changed.ParticipantId) is { IsPresent: true } =>
                [AttendanceEvent.Opened(e.EventId, e.SessionId, changed.UserId, changed.Mode, changed.At, e.Sequence)],
            RoomEnded ended => [AttendanceEvent.Ended(e.EventId, e.SessionId, ended.At, e.Sequence)],
            _ => [],
        };
    }

    /// <summary>The facts of a whole transition (tests and tools; the room stages them event by event).</summary>
    public static IReadOnlyList<AttendanceEvent> Translate(RoomState state, IReadOnlyList<RoomEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. events.SelectMany(e => FactsOf(state, e))];
    }

    private static AttendanceMode ModeOf(RoomState state, ParticipantId id) => state.Find(id) switch
    {
        { Role: ParticipantRole.RoomDevice } => AttendanceMode.RoomDevice,
        // A patient resuming after a drop keeps the audio-only mode they chose: billing must not flip back to video.
        { AudioOnly: true } => AttendanceMode.AudioOnly,
        _ => AttendanceMode.Video,
    };

    private static string? LocationOf(RoomState state, ParticipantId id) =>
        state.Find(id)?.Attestation is { } a ? $"{a.Location}, {a.State}" : null;

    private static string InClinicId(RoomEvent roomEvent) => roomEvent.EventId + ":in-person";

    private static AttendanceEndReason ReasonOf(LeaveReason reason) => reason switch
    {
        LeaveReason.Removed => AttendanceEndReason.Removed,
        LeaveReason.Dropped => AttendanceEndReason.Dropped,
        LeaveReason.NodeLost => AttendanceEndReason.NodeLost,
        LeaveReason.SessionEnded => AttendanceEndReason.SessionEnded,
        _ => AttendanceEndReason.Left,
    };
}
