namespace IopTelehealth.Contracts.Rooms;

/// <summary>
/// Client → server methods of the room hub (<see cref="RoomProtocol.HubPath"/>). Every method is authorized by role and
/// by membership of the session; a refusal is a HubException whose message starts with a stable code from
/// <c>RoomErrors</c> ("room-locked: ..."). Participant ids are the room-local ids from snapshots, never account ids.
/// </summary>
public interface IRoomHub
{
    /// <summary>What the pre-join page needs: the session, the caller's role in it, and the consent text if still to accept.</summary>
    Task<PreJoinDto> PrepareJoin(Guid sessionId);

    /// <summary>Joins (patients: into the lobby) or resumes within the grace window. Patients must attest.</summary>
    Task<JoinReplyDto> JoinSession(Guid sessionId, AttestationDto? attestation);

    Task LeaveSession();

    /// <summary>Keeps presence alive; send every 10 s (see the protocol document for the bounds).</summary>
    Task Heartbeat();

    /// <summary>The caller's own microphone and camera state. Turning audio on while hard-muted fails with hard-muted.</summary>
    Task SetMedia(bool audio, bool video);

    Task RaiseHand();

    Task LowerHand();

    /// <summary>Group chat when <paramref name="toParticipantId"/> is null; otherwise private (patients: to a therapist only).</summary>
    Task SendChat(string text, string? toParticipantId);

    /// <summary>An urgent private alert to the session's therapists, with the patient's attested location and emergency contact.</summary>
    Task RequestHelp(string message);

    // Moderators (therapist, co-facilitator).
    Task OpenSession(Guid sessionId);

    Task Admit(string participantId);

    Task AdmitAll();

    Task Deny(string participantId);

    Task Mute(string participantId);

    Task AskToUnmute(string participantId);

    Task MuteAll();

    Task StopVideo(string participantId);

    Task LowerHandOf(string participantId);

    Task Remove(string participantId, bool banForSession);

    Task Lock();

    Task Unlock();

    /// <summary>Highlights one participant for everyone; null clears it.</summary>
    Task Spotlight(string? participantId);

    Task EndSession();

    // Media (docs/room-protocol.md, "Media"). Admitted participants only; the mode comes from the join reply.

    /// <summary>SFU: the caller's publisher offer (a renegotiation when already publishing); returns the SFU's answer.</summary>
    Task<SdpDto> Publish(SdpDto offer);

    /// <summary>SFU: brings the caller's receiving connection up to date; returns the SFU's offer, or null when nothing changed.</summary>
    Task<SdpDto?> Subscribe();

    /// <summary>SFU: the caller's answer to the last offer from <see cref="Subscribe"/>.</summary>
    Task AnswerSubscription(SdpDto answer);

    /// <summary>SFU: a local ICE candidate of the caller's publisher or subscriber connection (<c>WireMediaLegs</c>).</summary>
    Task Trickle(string leg, IceCandidateDto candidate);

    /// <summary>Mesh: an offer, answer or candidate for one other admitted participant of the same room.</summary>
    Task SendSignal(string toParticipantId, MeshSignalDto signal);

    /// <summary>Audio-only mode: the caller neither sends nor receives video; recorded as the participant's mode (billing).</summary>
    Task SetAudioOnly(bool audioOnly);

    /// <summary>Starts or stops sharing the screen; patients need a moderator's permission.</summary>
    Task SetScreenShare(bool sharing);

    /// <summary>Moderators: lets a patient share their screen, or takes the permission back (which stops a running share).</summary>
    Task AllowScreenShare(string participantId, bool allowed);
}
