using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.InMemory;
using IopTelehealth.Testing;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>
/// <see cref="RoomService"/> and <see cref="RoomSweeper"/> over the in-memory stores, a hand-moved clock and small fakes of the
/// ports whose real adapters are not the point here (session directory, notifier, event sink, audit log). The fakes record
/// what they were given, in one shared order, so a test can tell what reached attendance before the participants.
/// </summary>
internal sealed class RoomServiceHarness
{
    public const string ConsentVersion = "2026-01";

    public static readonly Attestation Home = new("Home, Evanston", "IL", PrivateSpace: true, ConsentVersion);

    /// <param name="plane">A media plane (SFU mode, enforced by <see cref="MediaEnforcer"/>); mesh mode without one.</param>
    /// <param name="policy">The media policy given to the room service (mesh limit); none applies by default.</param>
    public RoomServiceHarness(IMediaPlane? plane = null, MediaPolicy? policy = null)
    {
        Notifier = new RecordingNotifier(Order);
        Sink = new RecordingSink(Order);
        Rooms = new InMemoryRoomStore(Clock);
        Writer = new StagedAttendanceWriter(Rooms, Ledger);
        LedgerSink = new LedgerSinks(Writer);
        IRoomEventSink[] sinks = plane is null ? [Sink, LedgerSink] : [new MediaEnforcer(plane, MediaNotifier), Sink, LedgerSink];
        var publisher = new RoomPublisher(Notifier, sinks);
        Service = new RoomService(Rooms, Presence, publisher, Sessions, Audit, Clock, Settings, policy);
        Media = new MediaService(Rooms, publisher, MediaNotifier, MediaSettings, Clock, plane);
        Sweeper = new RoomSweeper(Rooms, Presence, publisher, Clock, Settings);
        Session = new SessionFacts(new SessionId(Guid.NewGuid()), ClinicId, Guid.NewGuid(), "Evening group", "Coping skills",
            DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), Clock.GetUtcNow().AddMinutes(5), Clock.GetUtcNow().AddHours(3), 12,
            Cancelled: false, ConsentVersion, "Telehealth consent text");
        Sessions.Add(Session);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero));

    public Guid ClinicId { get; } = Guid.NewGuid();

    public RoomSettings Settings { get; } = new();

    public InMemoryRoomStore Rooms { get; }

    public InMemoryPresenceStore Presence { get; } = new();

    public FakeSessionDirectory Sessions { get; } = new();

    public List<string> Order { get; } = [];

    public RecordingNotifier Notifier { get; }

    public RecordingSink Sink { get; }

    /// <summary>The attendance the room's events produced (real fold, in memory).</summary>
    public FoldingAttendanceLog Ledger { get; } = new();

    /// <summary>What any node runs to write facts rooms still hold staged (the server's periodic retry).</summary>
    public StagedAttendanceWriter Writer { get; }

    public LedgerSinks LedgerSink { get; }

    public RecordingAudit Audit { get; } = new();

    public RoomService Service { get; }

    public MediaService Media { get; }

    public MediaSettings MediaSettings { get; } = new();

    public RecordingMediaNotifier MediaNotifier { get; } = new();

    public RoomSweeper Sweeper { get; }

    public SessionFacts Session { get; }

    public SessionId SessionId => Session.Id;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public RoomCaller Staff() => Sessions.Member(ClinicId, Roles.Staff, new RoomMember(ParticipantRole.Observer, "Front desk", null, null));

    public RoomCaller Therapist(string name = "Dr. Reed") => Sessions.Member(ClinicId, Roles.Therapist, new RoomMember(ParticipantRole.Therapist, name, null, null));

    public RoomCaller Patient(string alias, string? acceptedConsent = ConsentVersion) => Sessions.Member(ClinicId, Roles.Patient,
        new RoomMember(ParticipantRole.Patient, alias, acceptedConsent, new EmergencyContact($"Contact of {alias}", "+1-312-555-0100")));

    public async Task<RoomConnection> JoinAsync(RoomCaller caller, string node = "node-a", Attestation? attestation = null) =>
        (await Service.JoinAsync(caller, SessionId, attestation ?? (caller.Roles.Contains(Roles.Patient) ? Home : null), Guid.NewGuid().ToString("N"), node, Ct)).Connection;

    /// <summary>A patient joined on <paramref name="node"/> and admitted by <paramref name="therapist"/>.</summary>
    public async Task<RoomConnection> AdmittedAsync(RoomConnection therapist, string alias, string node = "node-a")
    {
        var patient = await JoinAsync(Patient(alias), node);
        await Service.AdmitAsync(therapist, patient.ParticipantId, Ct);
        return patient;
    }

    public async Task<RoomState> RoomAsync() => await Rooms.GetAsync(SessionId, Ct) ?? throw new InvalidOperationException("No room.");

    public IEnumerable<ParticipantLeft> Departures => Sink.Events.OfType<ParticipantLeft>();
}

internal sealed class FakeSessionDirectory : ISessionDirectory
{
    private readonly Dictionary<SessionId, SessionFacts> _sessions = [];
    private readonly Dictionary<Guid, RoomMember> _members = [];

    public List<(Guid UserId, string Version, DateTimeOffset At)> Consents { get; } = [];

    public void Add(SessionFacts session) => _sessions[session.Id] = session;

    public void Replace(SessionFacts session) => _sessions[session.Id] = session;

    public RoomCaller Member(Guid clinicId, string role, RoomMember member)
    {
        var caller = new RoomCaller(Guid.NewGuid(), clinicId, new HashSet<string> { role });
        _members[caller.UserId] = member;
        return caller;
    }

    public Task<SessionFacts?> FindAsync(SessionId sessionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_sessions.GetValueOrDefault(sessionId));

    public Task<RoomMember?> ResolveMemberAsync(SessionFacts session, RoomCaller caller, CancellationToken cancellationToken = default) =>
        Task.FromResult(caller.ClinicId == session.ClinicId ? _members.GetValueOrDefault(caller.UserId) : null);

    public Task<IReadOnlyList<EnrolledPatient>> ListEnrolledAsync(SessionFacts session, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EnrolledPatient>>([.. _members.Where(m => m.Value.Role == ParticipantRole.Patient)
            .Select(m => new EnrolledPatient(m.Key, m.Value.DisplayName))]);

    public Task RecordConsentAsync(SessionFacts session, Guid userId, string version, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Consents.Add((userId, version, at));
        _members[userId] = _members[userId] with { AcceptedConsentVersion = version };
        return Task.CompletedTask;
    }
}

internal sealed class RecordingNotifier(List<string> order) : IRoomNotifier
{
    public List<RoomEvent> Events { get; } = [];

    public List<ChatMessage> Chat { get; } = [];

    public List<HelpAlert> Help { get; } = [];

    public Task PublishAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        Events.AddRange(events);
        order.AddRange(events.Select(e => $"notifier:{e.GetType().Name}"));
        return Task.CompletedTask;
    }

    public Task ChatAsync(RoomState state, ChatMessage message, CancellationToken cancellationToken = default)
    {
        Chat.Add(message);
        return Task.CompletedTask;
    }

    public Task HelpAsync(RoomState state, HelpAlert alert, CancellationToken cancellationToken = default)
    {
        Help.Add(alert);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingSink(List<string> order) : IRoomEventSink
{
    public List<RoomEvent> Events { get; } = [];

    public Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        Events.AddRange(events);
        order.AddRange(events.Select(e => $"sink:{e.GetType().Name}"));
        return Task.CompletedTask;
    }
}

internal sealed class RecordingAudit : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        Entries.Add(entry);
        return Task.CompletedTask;
    }
}
