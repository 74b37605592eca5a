namespace IopTelehealth.Web.Client.Rooms;

/// <summary>
/// The room page's port to the room hub: the protocol's calls (docs/room-protocol.md) and the room as this browser
/// knows it. <see cref="RoomHubConnection"/> implements it over the typed <c>RoomClient</c>; component tests use a fake.
/// Calls that the server refuses throw <c>RoomCallException</c> with the protocol's stable code.
/// </summary>
public interface IRoomConnection : IAsyncDisposable
{
    /// <summary>Raised after every change of <see cref="State"/> (hub events, joining, leaving); possibly off the UI thread.</summary>
    event Action? Changed;

    IRoomState State { get; }

    Task StartAsync();

    Task<PreJoinDto> PrepareJoin(Guid sessionId);

    Task<JoinReplyDto> JoinSession(Guid sessionId, AttestationDto? attestation);

    Task LeaveSession();

    Task SetMedia(bool audio, bool video);

    Task RaiseHand();

    Task LowerHand();

    Task SendChat(string text, string? toParticipantId);

    Task RequestHelp(string message);

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

    Task Spotlight(string? participantId);

    Task EndSession();
}
