namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// The room state machine: every change to a <see cref="RoomState"/> goes through here. A method either applies its
/// whole change and records <see cref="Events"/>, or throws <see cref="RoomException"/>. No I/O: a store hands it a
/// private copy of the state, runs one transition and swaps the result in atomically, so a refused transition
/// leaves the stored room untouched.
/// </summary>
public sealed partial class Room(RoomState state)
{
    /// <summary>How long a dropped participant can come back as the same participant, without the lobby.</summary>
    public static readonly TimeSpan DefaultGraceWindow = TimeSpan.FromSeconds(60);

    /// <summary>Seats for therapists, observers and the like on top of the program's group size.</summary>
    public const int StaffSeats = 6;

    private readonly List<RoomEvent> _events = [];

    public RoomState State { get; } = state;

    public IReadOnlyList<RoomEvent> Events => _events;

    private SessionId Id => State.SessionId;

    public static RoomState Create(SessionId sessionId, Guid clinicId, Guid groupId, int capacity, DateTimeOffset scheduledStart, DateTimeOffset scheduledEnd) => new()
    {
        SessionId = sessionId,
        ClinicId = clinicId,
        GroupId = groupId,
        Capacity = capacity,
        ScheduledStart = scheduledStart,
        ScheduledEnd = scheduledEnd,
        Phase = RoomPhase.Scheduled,
        Incarnation = Guid.NewGuid(),
    };

    public JoinResult Join(JoinRequest request, DateTimeOffset now, TimeSpan graceWindow)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.Phase == RoomPhase.Ended)
        {
            throw new RoomException(RoomErrors.RoomEnded, "This session has ended.");
        }

        if (State.Phase == RoomPhase.Scheduled && !request.Role.Moderates())
        {
            throw new RoomException(RoomErrors.RoomNotOpen, "The room is not open yet. Please come back closer to the start time.");
        }

        if (State.BannedUsers.Contains(request.UserId))
        {
            throw new RoomException(RoomErrors.Banned, "You were removed from this session.");
        }

        var existing = State.FindByUser(request.UserId);
        if (existing is { InClinic: true })
        {
            // One person, one presence: a phone joining from the clinic would echo and count the patient twice.
            throw new RoomException(RoomErrors.CheckedInAtClinic, "You are checked in at the clinic. Check out first to join from here.");
        }

        var attestation = request.Role == ParticipantRole.Patient ? Attestation.Validate(request.Attestation) : null;
        if (existing is not null && (existing.IsConnected || now - existing.DisconnectedAt!.Value <= graceWindow))
        {
            return Resume(existing, request, attestation, now);
        }

        if (existing is not null)
        {
            State.Participants.Remove(existing);
        }

        EnsureSeat(request.Role);
        var participant = new RoomParticipant
        {
            Id = ParticipantId.New(),
            UserId = request.UserId,
            Role = request.Role,
            DisplayName = request.DisplayName,
            ConnectionId = request.ConnectionId,
            NodeId = request.NodeId,
            JoinedAt = now,
            Attestation = attestation,
            Admission = request.Role.Moderates() || (request.Role.EntersDirectly() && !State.Locked) ? Admission.Admitted : Admission.Lobby,
        };
        State.Participants.Add(participant);
        if (request.Role.Moderates() && State.Phase != RoomPhase.Live)
        {
            State.Phase = RoomPhase.Live;
            Raise(new RoomUpdated(Id));
        }

        if (participant.Admission == Admission.Admitted)
        {
            Raise(new ParticipantAdmitted(Id, participant.Id, participant.UserId, now, ByModerator: false));
            Raise(new ParticipantJoined(Id, participant.Id, Resumed: false));
        }
        else
        {
            Raise(new LobbyChanged(Id));
        }

        return new JoinResult(participant, Resumed: false);
    }

    /// <summary>A clean leave: the participant is gone at once, without a grace window.</summary>
    public void Leave(ParticipantId id, DateTimeOffset now)
    {
        var participant = Require(id);
        State.Participants.Remove(participant);
        AnnounceDeparture(participant, LeaveReason.Left, now);
    }

    /// <summary>
    /// The connection is gone without a goodbye (dropped, or its node died at <paramref name="at"/>). The participant
    /// stops being present now but keeps their place for the grace window. A connection that was already replaced is ignored.
    /// </summary>
    public bool Disconnect(string connectionId, LeaveReason reason, DateTimeOffset at)
    {
        var participant = State.FindByConnection(connectionId);
        if (participant is null || !participant.IsConnected)
        {
            return false;
        }

        participant.DisconnectedAt = at;
        participant.DisconnectReason = reason;
        participant.ConnectionId = null;
        var hadHand = participant.HandRaisedAt is not null;
        participant.HandRaisedAt = null;
        AnnounceDeparture(participant, reason, at, hadHand);
        Touch();
        return true;
    }

    /// <summary>Forgets participants whose grace window has passed; they come back through the lobby.</summary>
    public bool ExpireGrace(DateTimeOffset now, TimeSpan graceWindow)
    {
        var expired = State.Participants.Where(p => p.DisconnectedAt is { } at && now - at > graceWindow).ToList();
        foreach (var participant in expired)
        {
            State.Participants.Remove(participant);
            ForgetOffersFrom(participant.Id);
            Raise(new ParticipantExpired(Id, participant.Id));
        }

        return expired.Count > 0;
    }

    public void SetMedia(ParticipantId id, bool audio, bool video)
    {
        var participant = RequirePresent(id);
        if (audio && participant.HardMuted)
        {
            throw new RoomException(RoomErrors.HardMuted, "The therapist muted you. You can unmute when the therapist allows it.");
        }

        if (video && participant.AudioOnly)
        {
            throw new RoomException(RoomErrors.InvalidArgument, "Leave audio-only mode to turn the camera on.");
        }

        participant.AudioOn = audio;
        participant.VideoOn = video;
        if (video && participant.VideoStopped)
        {
            // Turning the camera on again is the participant's own choice once a moderator stopped it; the SFU lets it through.
            participant.VideoStopped = false;
            Raise(new MediaBlocked(Id, id, Media.MediaKind.Video, Blocked: false));
        }

        Raise(new ParticipantUpdated(Id, id));
    }

    public void RaiseHand(ParticipantId id)
    {
        var participant = RequirePresent(id);
        if (participant.HandRaisedAt is not null)
        {
            return;
        }

        participant.HandRaisedAt = ++State.Sequence;
        Raise(new ParticipantUpdated(Id, id));
        Raise(new HandQueueChanged(Id));
    }

    /// <summary>The participant lowers their own hand, or a moderator lowers it for them.</summary>
    public void LowerHand(ParticipantId actor, ParticipantId target)
    {
        var by = RequirePresent(actor);
        if (actor != target && !by.Role.Moderates())
        {
            throw new RoomException(RoomErrors.Forbidden, "Only a therapist can lower someone else's hand.");
        }

        var participant = RequirePresent(target);
        if (participant.HandRaisedAt is null)
        {
            return;
        }

        participant.HandRaisedAt = null;
        Raise(new ParticipantUpdated(Id, target));
        Raise(new HandQueueChanged(Id));
    }

    private JoinResult Resume(RoomParticipant participant, JoinRequest request, Attestation? attestation, DateTimeOffset now)
    {
        var wasConnected = participant.IsConnected;
        if (wasConnected && participant.ConnectionId is { } old && old != request.ConnectionId)
        {
            Raise(new ConnectionReplaced(Id, participant.Id, old));
        }

        participant.ConnectionId = request.ConnectionId;
        participant.NodeId = request.NodeId;
        participant.DisconnectedAt = null;
        participant.DisconnectReason = null;
        participant.Attestation = attestation ?? participant.Attestation;
        if (!wasConnected)
        {
            if (participant.Admission == Admission.Admitted)
            {
                Raise(new ParticipantAdmitted(Id, participant.Id, participant.UserId, now, ByModerator: false));
                Raise(new ParticipantJoined(Id, participant.Id, Resumed: true));
            }
            else
            {
                Raise(new LobbyChanged(Id));
            }
        }

        Touch();
        return new JoinResult(participant, Resumed: true);
    }

    private void EnsureSeat(ParticipantRole role)
    {
        var patients = State.Participants.Count(p => p.Role is ParticipantRole.Patient or ParticipantRole.RoomDevice);
        var full = role is ParticipantRole.Patient or ParticipantRole.RoomDevice
            ? patients >= State.Capacity
            : State.Participants.Count - patients >= StaffSeats;
        if (full)
        {
            throw new RoomException(RoomErrors.RoomFull, "This group is full.");
        }
    }

    private void AnnounceDeparture(RoomParticipant participant, LeaveReason reason, DateTimeOffset at, bool? hadHand = null)
    {
        ForgetOffersFrom(participant.Id);
        if (participant.Admission == Admission.Admitted)
        {
            Raise(new ParticipantLeft(Id, participant.Id, participant.UserId, reason, at, participant.InClinic));
        }
        else
        {
            Raise(new LobbyChanged(Id));
        }

        if (hadHand ?? participant.HandRaisedAt is not null)
        {
            Raise(new HandQueueChanged(Id));
        }

        if (State.Spotlight == participant.Id)
        {
            State.Spotlight = null;
            Raise(new RoomUpdated(Id));
        }
    }

    private RoomParticipant Require(ParticipantId id) =>
        State.Find(id) ?? throw new RoomException(RoomErrors.ParticipantNotFound, "No such participant in this room.");

    private RoomParticipant RequirePresent(ParticipantId id)
    {
        var participant = Require(id);
        return participant.IsPresent
            ? participant
            : throw new RoomException(participant.IsConnected ? RoomErrors.NotAdmitted : RoomErrors.ParticipantNotFound,
                participant.IsConnected ? "Wait until the therapist admits you." : "That participant is not connected.");
    }

    private void Raise(RoomEvent roomEvent)
    {
        Touch();
        var stamped = roomEvent with { EventId = RoomEventIds.For(State), Sequence = State.Version };
        _events.Add(stamped);
        State.PendingAttendance.AddRange(Attendance.RoomAttendance.FactsOf(State, stamped));
    }

    private void Touch() => State.Version++;
}
