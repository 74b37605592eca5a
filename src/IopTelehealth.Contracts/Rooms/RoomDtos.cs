namespace IopTelehealth.Contracts.Rooms;

public sealed record AttestationDto(string Location, string State, bool PrivateSpace, string? AcceptedConsentVersion);

public sealed record PreJoinDto(Guid SessionId, string GroupName, string Topic, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd,
    string Phase, string Role, string DisplayName, bool RequiresAttestation, string? ConsentVersion, string? ConsentText);

/// <summary>The join result. When admitted, the room arrives as a RoomSnapshot event right after (also on every later admission).</summary>
public sealed record JoinReplyDto(string ProtocolVersion, string ParticipantId, string Admission, bool Resumed, RoomInfoDto Room, MediaSetupDto Media);

public sealed record RoomInfoDto(Guid SessionId, string Phase, bool Locked, string? SpotlightParticipantId, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd);

/// <param name="InClinic">
/// Checked in at the clinic (hybrid session): present in the clinic room and seen through the room device, without a connection of
/// their own. Such a participant is present, so <paramref name="Connected"/> is true (it never shows "reconnecting").
/// </param>
public sealed record ParticipantDto(string Id, string DisplayName, string Role, bool AudioOn, bool VideoOn, bool HardMuted, bool VideoStopped,
    bool HandRaised, bool Connected, bool AudioOnly, bool ScreenSharing, bool ScreenShareAllowed, bool InClinic);

public sealed record LobbyEntryDto(string Id, string DisplayName, string Role, DateTimeOffset WaitingSince, string? AttestedState);

public sealed record ChatMessageDto(string Id, string FromParticipantId, string FromName, string? ToParticipantId, bool Private, string Text, DateTimeOffset At);

public sealed record HelpRequestDto(string ParticipantId, string DisplayName, string Message, string? Location, string? State,
    string? EmergencyContactName, string? EmergencyContactPhone, DateTimeOffset At);

/// <summary>
/// The room as one recipient may see it. Lobby entries are filled for moderators only; chat holds the lines visible to
/// the recipient (private lines only if they are sender, addressee or moderator).
/// </summary>
public sealed record RoomSnapshotDto(RoomInfoDto Room, string SelfParticipantId, IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<LobbyEntryDto> Lobby, IReadOnlyList<string> HandQueue, IReadOnlyList<ChatMessageDto> Chat, DateTimeOffset ServerTime);
