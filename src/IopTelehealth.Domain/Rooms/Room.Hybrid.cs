namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// Hybrid sessions: patients present in the clinic room. They are participants without a connection (<see cref="RoomParticipant.InClinic"/>),
/// admitted at once, seen by remote peers with an "in clinic" badge and counted in the group. A patient is either remote or
/// in the clinic, never both.
/// </summary>
public sealed partial class Room
{
    public CheckInResult CheckIn(CheckInRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireOpenForCheckIn();
        if (State.BannedUsers.Contains(request.UserId))
        {
            throw new RoomException(RoomErrors.Banned, "This patient was removed from this session.");
        }

        var existing = State.FindByUser(request.UserId);
        if (existing is { InClinic: true })
        {
            throw new RoomException(RoomErrors.AlreadyCheckedIn, "This patient is already checked in.");
        }

        if (existing is { IsPresent: true, ConnectionId: { } remote })
        {
            return SwitchToClinic(existing, remote, now);
        }

        string? closed = null;
        if (existing is not null)
        {
            // Waiting in the lobby, or dropped within the grace window: the remote attempt ends here; the clinic admits them.
            State.Participants.Remove(existing);
            closed = existing.ConnectionId;
            if (closed is not null)
            {
                Raise(new ConnectionReplaced(Id, existing.Id, closed, CheckedInAtClinic: true));
                Raise(new LobbyChanged(Id));
            }
        }

        EnsureSeat(ParticipantRole.Patient);
        var participant = new RoomParticipant
        {
            Id = ParticipantId.New(),
            UserId = request.UserId,
            Role = ParticipantRole.Patient,
            DisplayName = request.DisplayName,
            JoinedAt = now,
            Admission = Admission.Admitted,
            InClinic = true,
        };
        State.Participants.Add(participant);
        // No ParticipantAdmitted: that one opens a remote interval. The in-person one starts with the mode change.
        Raise(new ParticipantJoined(Id, participant.Id, Resumed: false));
        Raise(new ParticipantModeChanged(Id, participant.Id, participant.UserId, AttendanceMode.InPerson, now));
        return new CheckInResult(participant, CheckInChange.CheckedIn, closed);
    }

    public CheckInResult CheckOut(Guid userId, DateTimeOffset now)
    {
        var participant = State.FindByUser(userId);
        if (participant is not { InClinic: true })
        {
            throw new RoomException(RoomErrors.NotCheckedIn, "This patient is not checked in at the clinic.");
        }

        State.Participants.Remove(participant);
        AnnounceDeparture(participant, LeaveReason.CheckedOut, now);
        return new CheckInResult(participant, CheckInChange.CheckedOut, null);
    }

    /// <summary>
    /// A patient scanned the room's code: check in, or check out when already checked in. The same code acts once per patient
    /// (a reload of the check-in page must not check them straight out again); codes are forgotten once expired.
    /// </summary>
    public CheckInResult Scan(CheckInRequest request, CheckInCode code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(code);
        RequireOpenForCheckIn();
        State.UsedCheckInCodes.RemoveAll(c => c.ExpiresAt < now);
        if (State.UsedCheckInCodes.Any(c => c.Nonce == code.Nonce && c.UserId == request.UserId))
        {
            throw new RoomException(RoomErrors.TokenUsed, "You already used this code. If you meant to check out, scan the code on the screen again.");
        }

        var result = State.FindByUser(request.UserId) is { InClinic: true } ? CheckOut(request.UserId, now) : CheckIn(request, now);
        State.UsedCheckInCodes.Add(new UsedCheckInCode(code.Nonce, request.UserId, code.ExpiresAt));
        Touch();
        return result;
    }

    private CheckInResult SwitchToClinic(RoomParticipant participant, string connection, DateTimeOffset now)
    {
        // The phone's connection leaves the room (its page says the patient is now checked in at the clinic), the participant
        // stays the same person with the same place: the remote interval ends and the in-person one starts at the same instant.
        Raise(new ConnectionReplaced(Id, participant.Id, connection, CheckedInAtClinic: true));
        var hadHand = participant.HandRaisedAt is not null;
        participant.ConnectionId = null;
        participant.NodeId = null;
        participant.InClinic = true;
        participant.AudioOn = false;
        participant.VideoOn = false;
        participant.HandRaisedAt = null;
        Raise(new ParticipantModeChanged(Id, participant.Id, participant.UserId, AttendanceMode.InPerson, now));
        Raise(new ParticipantUpdated(Id, participant.Id));
        if (hadHand)
        {
            Raise(new HandQueueChanged(Id));
        }

        return new CheckInResult(participant, CheckInChange.SwitchedFromRemote, connection);
    }

    private void RequireOpenForCheckIn()
    {
        if (State.Phase == RoomPhase.Ended)
        {
            throw new RoomException(RoomErrors.RoomEnded, "This session has ended.");
        }

        if (State.Phase == RoomPhase.Scheduled)
        {
            throw new RoomException(RoomErrors.RoomNotOpen, "Check-in opens when the session opens.");
        }
    }
}
