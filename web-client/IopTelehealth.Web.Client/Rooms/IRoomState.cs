namespace IopTelehealth.Web.Client.Rooms;

/// <summary>The room as this browser knows it (the shape of <c>RoomView</c>), read by the room components.</summary>
public interface IRoomState
{
    string? SelfId { get; }

    RoomInfoDto? Room { get; }

    /// <summary>"none" before joining, then "lobby" or "admitted"; "left" after leaving, removal, denial or the end.</summary>
    string Admission { get; }

    /// <summary>The media mode and ICE servers from the last join reply; null before joining.</summary>
    MediaSetupDto? Media { get; }

    bool HardMuted { get; }

    bool AskedToUnmute { get; }

    bool VideoStoppedByModerator { get; }

    bool Removed { get; }

    bool Banned { get; }

    bool Denied { get; }

    bool Replaced { get; }

    /// <summary>The patient was checked in at the clinic, so this browser left the online room (no remote rejoin).</summary>
    bool CheckedInAtClinic { get; }

    bool Ended { get; }

    IReadOnlyList<ParticipantDto> Participants { get; }

    IReadOnlyList<LobbyEntryDto> Lobby { get; }

    /// <summary>Participant ids with raised hands, in raising order.</summary>
    IReadOnlyList<string> HandQueue { get; }

    IReadOnlyList<ChatMessageDto> Chat { get; }

    IReadOnlyList<HelpRequestDto> HelpRequests { get; }

    ParticipantDto? Self { get; }
}
