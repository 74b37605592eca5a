namespace IopTelehealth.Contracts.Rooms;

/// <summary>Server → client events of the room hub. A client only receives what its role may see.</summary>
public interface IRoomClient
{
    /// <summary>The whole room as this recipient may see it; sent on admission, on resume and when asked.</summary>
    Task RoomSnapshot(RoomSnapshotDto snapshot);

    Task ParticipantJoined(ParticipantDto participant);

    Task ParticipantLeft(string participantId, string reason);

    Task ParticipantUpdated(ParticipantDto participant);

    /// <summary>Moderators only: who waits in the lobby, in arrival order.</summary>
    Task LobbyChanged(IReadOnlyList<LobbyEntryDto> lobby);

    /// <summary>Participant ids with raised hands, in the order they were raised.</summary>
    Task HandQueueChanged(IReadOnlyList<string> participantIds);

    Task Chat(ChatMessageDto message);

    /// <summary>Moderators only.</summary>
    Task HelpRequested(HelpRequestDto request);

    /// <summary>To the muted participant: a moderator turned their microphone off (hard: they cannot turn it on until asked).</summary>
    Task Muted(bool hard);

    Task AskedToUnmute();

    Task VideoStopped();

    /// <summary>To the removed participant; the connection leaves the room.</summary>
    Task Removed(bool banned);

    /// <summary>To a lobby participant the moderator did not admit.</summary>
    Task Denied();

    /// <summary>To the old connection when the same account joined from another one.</summary>
    Task Replaced();

    /// <summary>
    /// To a patient's connection (in the room or the lobby) when they were checked in at the clinic: the connection leaves the
    /// room, the patient stays in it in person. Joining remotely is refused (<c>checked-in-at-clinic</c>) until checked out.
    /// </summary>
    Task CheckedInAtClinic();

    Task RoomUpdated(RoomInfoDto room);

    Task SessionEnded();

    /// <summary>Mesh: an offer, answer or candidate from another participant.</summary>
    Task Signal(string fromParticipantId, MeshSignalDto signal);

    /// <summary>SFU: the room's publishers changed; call Subscribe to receive the new set.</summary>
    Task FeedsChanged();

    /// <summary>SFU: the media server lost this participant's connections (restart, failover); publish and subscribe again.</summary>
    Task MediaRestart();
}
