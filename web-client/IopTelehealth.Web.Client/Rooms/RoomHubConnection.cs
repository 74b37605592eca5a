using IopTelehealth.Client;

namespace IopTelehealth.Web.Client.Rooms;

/// <summary>
/// <see cref="IRoomConnection"/> over the typed <see cref="RoomClient"/>. In the browser the WebSocket carries the
/// session cookie and the Origin by itself: no token, cookie container or header is set here.
/// </summary>
public sealed class RoomHubConnection : IRoomConnection
{
    private readonly RoomClient _client;

    /// <param name="accessToken">A bearer token source for callers without the session cookie (the clinic room device).</param>
    public RoomHubConnection(Uri server, Func<Task<string?>>? accessToken = null)
    {
        _client = new RoomClient(new RoomClientOptions { Servers = [server], AccessTokenProvider = accessToken });
        State = new RoomViewState(_client.View);
        _client.View.Changed += () => Changed?.Invoke();
        _client.SignalReceived += (from, signal) => SignalReceived?.Invoke(from, signal);
        _client.FeedsChanged += () => FeedsChanged?.Invoke();
        _client.MediaRestartRequested += () => MediaRestartRequested?.Invoke();
        _client.Resumed += _ => Resumed?.Invoke();
    }

    public event Action? Changed;

    public event Action<string, MeshSignalDto>? SignalReceived;

    public event Action? FeedsChanged;

    public event Action? MediaRestartRequested;

    public event Action? Resumed;

    public IRoomState State { get; }

    public Task StartAsync() => _client.StartAsync();

    public Task<PreJoinDto> PrepareJoin(Guid sessionId) => _client.PrepareJoin(sessionId);

    public Task<JoinReplyDto> JoinSession(Guid sessionId, AttestationDto? attestation) => _client.JoinSession(sessionId, attestation);

    public Task LeaveSession() => _client.LeaveSession();

    public Task Heartbeat() => _client.Heartbeat();

    public Task OpenSession(Guid sessionId) => _client.OpenSession(sessionId);

    public Task SetMedia(bool audio, bool video) => _client.SetMedia(audio, video);

    public Task RaiseHand() => _client.RaiseHand();

    public Task LowerHand() => _client.LowerHand();

    public Task SendChat(string text, string? toParticipantId) => _client.SendChat(text, toParticipantId);

    public Task RequestHelp(string message) => _client.RequestHelp(message);

    public Task Admit(string participantId) => _client.Admit(participantId);

    public Task AdmitAll() => _client.AdmitAll();

    public Task Deny(string participantId) => _client.Deny(participantId);

    public Task Mute(string participantId) => _client.Mute(participantId);

    public Task AskToUnmute(string participantId) => _client.AskToUnmute(participantId);

    public Task MuteAll() => _client.MuteAll();

    public Task StopVideo(string participantId) => _client.StopVideo(participantId);

    public Task LowerHandOf(string participantId) => _client.LowerHandOf(participantId);

    public Task Remove(string participantId, bool banForSession) => _client.Remove(participantId, banForSession);

    public Task Lock() => _client.Lock();

    public Task Unlock() => _client.Unlock();

    public Task Spotlight(string? participantId) => _client.Spotlight(participantId);

    public Task EndSession() => _client.EndSession();

    public Task<SdpDto> Publish(SdpDto offer) => _client.Publish(offer);

    public Task<SdpDto?> Subscribe() => _client.Subscribe();

    public Task AnswerSubscription(SdpDto answer) => _client.AnswerSubscription(answer);

    public Task Trickle(string leg, IceCandidateDto candidate) => _client.Trickle(leg, candidate);

    public Task SendSignal(string toParticipantId, MeshSignalDto signal) => _client.SendSignal(toParticipantId, signal);

    public Task SetAudioOnly(bool audioOnly) => _client.SetAudioOnly(audioOnly);

    public Task SetScreenShare(bool sharing) => _client.SetScreenShare(sharing);

    public Task AllowScreenShare(string participantId, bool allowed) => _client.AllowScreenShare(participantId, allowed);

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>The client's live view, read through the port's shape.</summary>
    private sealed class RoomViewState(RoomView view) : IRoomState
    {
        public string? SelfId => view.SelfId;

        public RoomInfoDto? Room => view.Room;

        public string Admission => view.Admission;

        public MediaSetupDto? Media => view.Media;

        public bool HardMuted => view.HardMuted;

        public bool AskedToUnmute => view.AskedToUnmute;

        public bool VideoStoppedByModerator => view.VideoStoppedByModerator;

        public bool Removed => view.Removed;

        public bool Banned => view.Banned;

        public bool Denied => view.Denied;

        public bool Replaced => view.Replaced;

        public bool CheckedInAtClinic => view.CheckedInAtClinic;

        public bool Ended => view.Ended;

        public IReadOnlyList<ParticipantDto> Participants => view.Participants;

        public IReadOnlyList<LobbyEntryDto> Lobby => view.Lobby;

        public IReadOnlyList<string> HandQueue => view.HandQueue;

        public IReadOnlyList<ChatMessageDto> Chat => view.Chat;

        public IReadOnlyList<HelpRequestDto> HelpRequests => view.HelpRequests;

        public ParticipantDto? Self => view.Self;
    }
}
