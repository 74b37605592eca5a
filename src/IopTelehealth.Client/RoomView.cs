using IopTelehealth.Contracts.Rooms;

namespace IopTelehealth.Client;

/// <summary>
/// The room as this client knows it, kept up to date from hub events. Readers get consistent copies; <see cref="Changed"/>
/// fires after every applied event (the web client re-renders on it, tests poll it).
/// </summary>
public sealed class RoomView
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ParticipantDto> _participants = [];
    private readonly List<ChatMessageDto> _chat = [];
    private readonly List<HelpRequestDto> _help = [];
    private readonly List<Departure> _departures = [];
    private IReadOnlyList<LobbyEntryDto> _lobby = [];
    private IReadOnlyList<string> _hands = [];

    public event Action? Changed;

    public string? SelfId { get; private set; }

    public RoomInfoDto? Room { get; private set; }

    /// <summary>"none" before joining, then "lobby" or "admitted"; "left" after leaving, removal, denial or the end.</summary>
    public string Admission { get; private set; } = "none";

    /// <summary>The media mode and ICE servers from the last join reply; null before joining.</summary>
    public MediaSetupDto? Media { get; private set; }

    public bool HardMuted { get; private set; }

    public bool AskedToUnmute { get; private set; }

    public bool VideoStoppedByModerator { get; private set; }

    public bool Removed { get; private set; }

    public bool Banned { get; private set; }

    public bool Denied { get; private set; }

    public bool Replaced { get; private set; }

    /// <summary>The patient was checked in at the clinic: this connection left, and joining remotely is refused until check-out.</summary>
    public bool CheckedInAtClinic { get; private set; }

    public bool Ended { get; private set; }

    public IReadOnlyList<ParticipantDto> Participants => Read(() => (IReadOnlyList<ParticipantDto>)[.. _participants.Values.OrderBy(p => p.DisplayName, StringComparer.Ordinal)]);

    public IReadOnlyList<LobbyEntryDto> Lobby => Read(() => _lobby);

    public IReadOnlyList<string> HandQueue => Read(() => _hands);

    public IReadOnlyList<ChatMessageDto> Chat => Read(() => (IReadOnlyList<ChatMessageDto>)[.. _chat]);

    public IReadOnlyList<HelpRequestDto> HelpRequests => Read(() => (IReadOnlyList<HelpRequestDto>)[.. _help]);

    /// <summary>Every ParticipantLeft seen, oldest first, with its reason (a UI says "lost connection" for node-lost).</summary>
    public IReadOnlyList<Departure> Departures => Read(() => (IReadOnlyList<Departure>)[.. _departures]);

    public ParticipantDto? Self => Read(() => SelfId is null ? null : _participants.GetValueOrDefault(SelfId));

    public ParticipantDto? Find(string participantId) => Read(() => _participants.GetValueOrDefault(participantId));

    internal void Joined(JoinReplyDto reply) => Apply(() =>
    {
        SelfId = reply.ParticipantId;
        Room = reply.Room;
        Media = reply.Media;
        Admission = reply.Admission;
        Removed = Denied = Replaced = CheckedInAtClinic = Ended = false;
    });

    internal void Left() => Apply(() => Admission = "left");

    internal void Snapshot(RoomSnapshotDto snapshot) => Apply(() =>
    {
        SelfId = snapshot.SelfParticipantId;
        Room = snapshot.Room;
        Admission = "admitted";
        _participants.Clear();
        foreach (var participant in snapshot.Participants)
        {
            _participants[participant.Id] = participant;
        }

        _lobby = snapshot.Lobby;
        _hands = snapshot.HandQueue;
        // Lines already seen (a reconnect's snapshot repeats them) are kept once.
        var known = _chat.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        _chat.AddRange(snapshot.Chat.Where(c => !known.Contains(c.Id)));
        HardMuted = _participants.GetValueOrDefault(snapshot.SelfParticipantId)?.HardMuted ?? false;
    });

    internal void Upsert(ParticipantDto participant) => Apply(() =>
    {
        _participants[participant.Id] = participant;
        if (participant.Id == SelfId)
        {
            HardMuted = participant.HardMuted;
        }
    });

    internal void Remove(string participantId, string reason) => Apply(() =>
    {
        _participants.Remove(participantId);
        _departures.Add(new Departure(participantId, reason, DateTimeOffset.UtcNow));
    });

    internal void SetLobby(IReadOnlyList<LobbyEntryDto> lobby) => Apply(() => _lobby = lobby);

    internal void SetHands(IReadOnlyList<string> hands) => Apply(() => _hands = hands);

    internal void AddChat(ChatMessageDto message) => Apply(() =>
    {
        if (_chat.TrueForAll(c => c.Id != message.Id))
        {
            _chat.Add(message);
        }
    });

    internal void AddHelp(HelpRequestDto request) => Apply(() => _help.Add(request));

    internal void SetRoom(RoomInfoDto room) => Apply(() => Room = room);

    internal void Muted(bool hard) => Apply(() =>
    {
        HardMuted = hard;
        AskedToUnmute = false;
    });

    internal void AskedToUnmuteNow() => Apply(() =>
    {
        HardMuted = false;
        AskedToUnmute = true;
    });

    internal void VideoStopped() => Apply(() => VideoStoppedByModerator = true);

    internal void Gone(bool removed = false, bool banned = false, bool denied = false, bool replaced = false, bool checkedInAtClinic = false,
        bool ended = false) => Apply(() =>
    {
        Admission = "left";
        Removed |= removed;
        Banned |= banned;
        Denied |= denied;
        Replaced |= replaced;
        CheckedInAtClinic |= checkedInAtClinic;
        Ended |= ended;
        _participants.Clear();
        _lobby = [];
        _hands = [];
    });

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Apply(Action change)
    {
        lock (_gate)
        {
            change();
        }

        Changed?.Invoke();
    }
}

/// <summary>A participant left the room: the reason as on the wire (left, removed, dropped, node-lost, session-ended) and when this client heard of it.</summary>
public sealed record Departure(string ParticipantId, string Reason, DateTimeOffset ReceivedAt);
