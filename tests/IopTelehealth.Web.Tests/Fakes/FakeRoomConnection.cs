using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Web.Client.Rooms;

namespace IopTelehealth.Web.Tests.Fakes;

/// <summary>
/// The room page's port, faked: state the test sets, every call recorded as text ("Mute(c0ffee000003)"), and calls
/// that fail with a protocol error code on request.
/// </summary>
public sealed class FakeRoomConnection : IRoomConnection, IRoomState
{
    private readonly Dictionary<string, Exception> _failures = new(StringComparer.Ordinal);

    public event Action? Changed;

    public event Action<string, MeshSignalDto>? SignalReceived;

    public event Action? FeedsChanged;

    public event Action? MediaRestartRequested;

    public event Action? Resumed;

    public IRoomState State => this;

    public List<string> Calls { get; } = [];

    public AttestationDto? Attestation { get; private set; }

    public PreJoinDto PreJoin { get; set; } = TestRooms.PatientPreJoin();

    /// <summary>What JoinSession answers: "lobby" (patients) or "admitted".</summary>
    public string JoinAdmission { get; set; } = "lobby";

    public string? SelfId { get; set; } = TestRooms.SelfId;

    public RoomInfoDto? Room { get; set; } = TestRooms.Info();

    public string Admission { get; set; } = "none";

    /// <summary>What the join reply said about media (mesh with one STUN server unless a test sets it).</summary>
    public MediaSetupDto? Media { get; set; } = TestRooms.MeshMedia();

    /// <summary>What Publish answers and Subscribe offers (SFU tests set them).</summary>
    public SdpDto PublishAnswer { get; set; } = new("answer", "v=0 publisher answer");

    public SdpDto? SubscribeOffer { get; set; }

    public bool HardMuted { get; set; }

    public bool AskedToUnmute { get; set; }

    public bool VideoStoppedByModerator { get; set; }

    public bool Removed { get; set; }

    public bool Banned { get; set; }

    public bool Denied { get; set; }

    public bool Replaced { get; set; }

    public bool CheckedInAtClinic { get; set; }

    public bool Ended { get; set; }

    public IReadOnlyList<ParticipantDto> Participants { get; set; } = [];

    public IReadOnlyList<LobbyEntryDto> Lobby { get; set; } = [];

    public IReadOnlyList<string> HandQueue { get; set; } = [];

    public IReadOnlyList<ChatMessageDto> Chat { get; set; } = [];

    public IReadOnlyList<HelpRequestDto> HelpRequests { get; set; } = [];

    public ParticipantDto? Self => Participants.FirstOrDefault(p => p.Id == SelfId);

    public bool Disposed { get; private set; }

    /// <summary>Makes the named method throw the protocol error <paramref name="code"/>.</summary>
    public void Refuse(string method, string code) => _failures[method] = new RoomCallException(code, "server text for " + code);

    /// <summary>Makes the named method fail as a dropped connection would.</summary>
    public void Drop(string method) => _failures[method] = new InvalidOperationException("The connection is not active.");

    /// <summary>As a hub event would: the page re-renders.</summary>
    public void RaiseChanged() => Changed?.Invoke();

    public void RaiseSignal(string from, MeshSignalDto signal) => SignalReceived?.Invoke(from, signal);

    public void RaiseFeedsChanged() => FeedsChanged?.Invoke();

    public void RaiseMediaRestart() => MediaRestartRequested?.Invoke();

    public void RaiseResumed() => Resumed?.Invoke();

    public Task StartAsync() => Record("StartAsync()");

    public async Task<PreJoinDto> PrepareJoin(Guid sessionId)
    {
        await Record($"PrepareJoin({sessionId})");
        return PreJoin;
    }

    public async Task<JoinReplyDto> JoinSession(Guid sessionId, AttestationDto? attestation)
    {
        await Record($"JoinSession({sessionId})");
        Attestation = attestation;
        Admission = JoinAdmission;
        Changed?.Invoke();
        return new JoinReplyDto(RoomProtocol.Version, SelfId!, JoinAdmission, false, Room!, Media!);
    }

    public Task LeaveSession() => Record("LeaveSession()");

    public Task Heartbeat() => Record("Heartbeat()");

    public Task OpenSession(Guid sessionId) => Record($"OpenSession({sessionId})");

    public Task SetMedia(bool audio, bool video) => Record($"SetMedia({audio}, {video})");

    public Task RaiseHand() => Record("RaiseHand()");

    public Task LowerHand() => Record("LowerHand()");

    public Task SendChat(string text, string? toParticipantId) => Record($"SendChat({text}, {toParticipantId ?? "null"})");

    public Task RequestHelp(string message) => Record($"RequestHelp({message})");

    public Task Admit(string participantId) => Record($"Admit({participantId})");

    public Task AdmitAll() => Record("AdmitAll()");

    public Task Deny(string participantId) => Record($"Deny({participantId})");

    public Task Mute(string participantId) => Record($"Mute({participantId})");

    public Task AskToUnmute(string participantId) => Record($"AskToUnmute({participantId})");

    public Task MuteAll() => Record("MuteAll()");

    public Task StopVideo(string participantId) => Record($"StopVideo({participantId})");

    public Task LowerHandOf(string participantId) => Record($"LowerHandOf({participantId})");

    public Task Remove(string participantId, bool banForSession) => Record($"Remove({participantId}, {banForSession})");

    public Task Lock() => Record("Lock()");

    public Task Unlock() => Record("Unlock()");

    public Task Spotlight(string? participantId) => Record($"Spotlight({participantId ?? "null"})");

    public Task EndSession() => Record("EndSession()");

    public async Task<SdpDto> Publish(SdpDto offer)
    {
        await Record($"Publish({offer.Type})");
        return PublishAnswer;
    }

    public async Task<SdpDto?> Subscribe()
    {
        await Record("Subscribe()");
        return SubscribeOffer;
    }

    public Task AnswerSubscription(SdpDto answer) => Record($"AnswerSubscription({answer.Type})");

    public Task Trickle(string leg, IceCandidateDto candidate) => Record($"Trickle({leg}, {candidate.Candidate})");

    public Task SendSignal(string toParticipantId, MeshSignalDto signal) => Record($"SendSignal({toParticipantId}, {signal.Kind})");

    public Task SetAudioOnly(bool audioOnly) => Record($"SetAudioOnly({audioOnly})");

    public Task SetScreenShare(bool sharing) => Record($"SetScreenShare({sharing})");

    public Task AllowScreenShare(string participantId, bool allowed) => Record($"AllowScreenShare({participantId}, {allowed})");

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private Task Record(string call)
    {
        Calls.Add(call);
        var method = call[..call.IndexOf('(', StringComparison.Ordinal)];
        return _failures.TryGetValue(method, out var failure) ? Task.FromException(failure) : Task.CompletedTask;
    }
}
