namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// The live state of one session room, as stored (in memory or in Redis, one key per session). Plain data; every change
/// goes through <see cref="Room"/> so the rules are in one place and stores only need to swap whole states atomically.
/// </summary>
public sealed class RoomState
{
    public SessionId SessionId { get; set; }

    /// <summary>
    /// Random per created room: a room that expired from the store and is created again for the same session starts
    /// its versions at zero, and event ids must not repeat the old room's.
    /// </summary>
    public Guid Incarnation { get; set; }

    public Guid ClinicId { get; set; }

    public Guid GroupId { get; set; }

    public RoomPhase Phase { get; set; }

    public bool Locked { get; set; }

    public ParticipantId? Spotlight { get; set; }

    /// <summary>Most participants (present or in the lobby) the room holds; from the program's max group size.</summary>
    public int Capacity { get; set; }

    public DateTimeOffset ScheduledStart { get; set; }

    public DateTimeOffset ScheduledEnd { get; set; }

    public List<RoomParticipant> Participants { get; set; } = [];

    /// <summary>Accounts removed with a ban: they cannot come back to this session.</summary>
    public List<Guid> BannedUsers { get; set; } = [];

    /// <summary>Check-in codes already used, per patient, until they expire (so one code acts once per patient).</summary>
    public List<UsedCheckInCode> UsedCheckInCodes { get; set; } = [];

    /// <summary>
    /// Attendance facts the room's transitions raised that the ledger has not confirmed yet. They are written in the same
    /// atomic swap as the change that raised them, so a node that dies right after a join or leave cannot lose its facts:
    /// any node records them later and removes them with <see cref="Room.AcknowledgeAttendance"/>.
    /// </summary>
    public List<Attendance.AttendanceEvent> PendingAttendance { get; set; } = [];

    /// <summary>Monotonic counter: orders the hand queue and the lobby.</summary>
    public long Sequence { get; set; }

    /// <summary>Incremented by every change; stores use it for optimistic concurrency.</summary>
    public long Version { get; set; }

    public RoomParticipant? Find(ParticipantId id) => Participants.Find(p => p.Id == id);

    public RoomParticipant? FindByUser(Guid userId) => Participants.Find(p => p.UserId == userId);

    public RoomParticipant? FindByConnection(string connectionId) => Participants.Find(p => p.ConnectionId == connectionId);

    public IEnumerable<RoomParticipant> Lobby => Participants.Where(p => p.Admission == Admission.Lobby && p.IsConnected).OrderBy(p => p.JoinedAt);

    public IEnumerable<RoomParticipant> HandQueue => Participants.Where(p => p.HandRaisedAt is not null && p.IsPresent).OrderBy(p => p.HandRaisedAt);

    /// <summary>A deep copy, so a failed transition never leaves a half-changed state behind.</summary>
    public RoomState Clone()
    {
        var copy = (RoomState)MemberwiseClone();
        copy.Participants = [.. Participants.Select(p => p.Copy())];
        copy.BannedUsers = [.. BannedUsers];
        copy.UsedCheckInCodes = [.. UsedCheckInCodes];
        copy.PendingAttendance = [.. PendingAttendance];
        return copy;
    }
}
