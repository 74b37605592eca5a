using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Rooms;

/// <summary>Domain room state → wire DTOs, filtered for one recipient (lobby and private chat only where allowed).</summary>
internal static class RoomViews
{
    public static ParticipantDto Participant(RoomParticipant p) =>
        new(p.Id.Value, p.DisplayName, Role(p.Role), p.AudioOn, p.VideoOn, p.HardMuted, p.VideoStopped, p.HandRaisedAt is not null, p.IsConnected,
            p.AudioOnly, p.ScreenSharing, p.ScreenShareAllowed || p.Role.Moderates(), p.InClinic);

    public static RoomInfoDto Info(RoomState state) =>
        new(state.SessionId.Value, Phase(state.Phase), state.Locked, state.Spotlight?.Value, state.ScheduledStart, state.ScheduledEnd);

    // Arrays, not collection expressions: those build a compiler-generated list type the MessagePack protocol cannot write.
    public static LobbyEntryDto[] Lobby(RoomState state) =>
        state.Lobby.Select(p => new LobbyEntryDto(p.Id.Value, p.DisplayName, Role(p.Role), p.JoinedAt, p.Attestation?.State)).ToArray();

    public static string[] HandQueue(RoomState state) => state.HandQueue.Select(p => p.Id.Value).ToArray();

    public static ChatMessageDto Chat(ChatMessage m) => new(m.Id, m.From.Value, m.FromName, m.To?.Value, m.Private, m.Text, m.At);

    public static RoomSnapshotDto Snapshot(RoomState state, RoomParticipant self, IEnumerable<ChatMessage> chat, DateTimeOffset now) => new(
        Info(state),
        self.Id.Value,
        state.Participants.Where(p => p.IsPresent).Select(Participant).ToArray(),
        self.Role.Moderates() ? Lobby(state) : Array.Empty<LobbyEntryDto>(),
        HandQueue(state),
        chat.Where(m => m.IsVisibleTo(self)).Select(Chat).ToArray(),
        now);

    public static string Role(ParticipantRole role) => role switch
    {
        ParticipantRole.Patient => WireRoles.Patient,
        ParticipantRole.Therapist => WireRoles.Therapist,
        ParticipantRole.CoFacilitator => WireRoles.CoFacilitator,
        ParticipantRole.Observer => WireRoles.Observer,
        ParticipantRole.RoomDevice => WireRoles.RoomDevice,
        _ => "unknown",
    };

    public static string Phase(RoomPhase phase) => phase.ToString().ToLowerInvariant();

    public static string Admission(Admission admission) => admission == Domain.Rooms.Admission.Admitted ? "admitted" : "lobby";

    public static string Reason(LeaveReason reason) => reason switch
    {
        LeaveReason.Left => WireLeaveReasons.Left,
        LeaveReason.Removed => WireLeaveReasons.Removed,
        LeaveReason.Dropped => WireLeaveReasons.Dropped,
        LeaveReason.NodeLost => WireLeaveReasons.NodeLost,
        LeaveReason.SessionEnded => WireLeaveReasons.SessionEnded,
        LeaveReason.Denied => WireLeaveReasons.Denied,
        LeaveReason.Replaced => WireLeaveReasons.Replaced,
        LeaveReason.CheckedOut => WireLeaveReasons.CheckedOut,
        _ => "unknown",
    };
}
