namespace IopTelehealth.Domain.Rooms;

/// <summary>What therapists and co-facilitators do to the room and its participants.</summary>
public sealed partial class Room
{
    public void Open(ParticipantId? actor)
    {
        if (actor is { } by)
        {
            RequireModerator(by);
        }

        OpenBySchedule();
    }

    /// <summary>Opens the lobby (therapist's action or the automatic opening before the start time).</summary>
    public void OpenBySchedule()
    {
        if (State.Phase == RoomPhase.Ended)
        {
            throw new RoomException(RoomErrors.RoomEnded, "This session has ended.");
        }

        if (State.Phase == RoomPhase.Scheduled)
        {
            State.Phase = RoomPhase.Open;
            Raise(new RoomUpdated(Id));
        }
    }

    public void Admit(ParticipantId actor, ParticipantId target, DateTimeOffset now)
    {
        RequireModerator(actor);
        var participant = Require(target);
        if (participant.Admission == Admission.Admitted || !participant.IsConnected)
        {
            throw new RoomException(RoomErrors.ParticipantNotFound, "That participant is not waiting in the lobby.");
        }

        AdmitOne(participant, now);
        Raise(new LobbyChanged(Id));
    }

    public int AdmitAll(ParticipantId actor, DateTimeOffset now)
    {
        RequireModerator(actor);
        var waiting = State.Lobby.ToList();
        foreach (var participant in waiting)
        {
            AdmitOne(participant, now);
        }

        if (waiting.Count > 0)
        {
            Raise(new LobbyChanged(Id));
        }

        return waiting.Count;
    }

    public void Deny(ParticipantId actor, ParticipantId target)
    {
        RequireModerator(actor);
        var participant = Require(target);
        if (participant.Admission != Admission.Lobby)
        {
            throw new RoomException(RoomErrors.ParticipantNotFound, "That participant is not waiting in the lobby.");
        }

        State.Participants.Remove(participant);
        Raise(new ParticipantDenied(Id, target, participant.ConnectionId));
        Raise(new LobbyChanged(Id));
    }

    /// <summary>Hard mute: audio off, and the participant cannot turn it on until a moderator asks them to unmute.</summary>
    public void Mute(ParticipantId actor, ParticipantId target)
    {
        RequireModerator(actor);
        MuteOne(RequirePresent(target));
    }

    public int MuteAll(ParticipantId actor)
    {
        RequireModerator(actor);
        var targets = State.Participants.Where(p => p.IsPresent && !p.Role.Moderates()).ToList();
        targets.ForEach(MuteOne);
        return targets.Count;
    }

    /// <summary>Lifts a hard mute and asks the participant to unmute; only they turn their microphone on.</summary>
    public void AskToUnmute(ParticipantId actor, ParticipantId target)
    {
        RequireModerator(actor);
        var participant = RequirePresent(target);
        if (participant.HardMuted)
        {
            participant.HardMuted = false;
            Raise(new MediaBlocked(Id, target, Media.MediaKind.Audio, Blocked: false));
        }

        Raise(new AskedToUnmute(Id, target));
        Raise(new ParticipantUpdated(Id, target));
    }

    public void StopVideo(ParticipantId actor, ParticipantId target)
    {
        RequireModerator(actor);
        var participant = RequirePresent(target);
        participant.VideoOn = false;
        participant.VideoStopped = true;
        Raise(new MediaBlocked(Id, target, Media.MediaKind.Video, Blocked: true));
        Raise(new VideoStoppedByModerator(Id, target));
        Raise(new ParticipantUpdated(Id, target));
    }

    public void Remove(ParticipantId actor, ParticipantId target, bool banForSession, DateTimeOffset now)
    {
        RequireModerator(actor);
        if (actor == target)
        {
            throw new RoomException(RoomErrors.InvalidArgument, "Use LeaveSession to leave.");
        }

        var participant = Require(target);
        if (participant.Role.Moderates())
        {
            throw new RoomException(RoomErrors.Forbidden, "A therapist cannot be removed.");
        }

        State.Participants.Remove(participant);
        if (banForSession && !State.BannedUsers.Contains(participant.UserId))
        {
            State.BannedUsers.Add(participant.UserId);
        }

        Raise(new ParticipantRemoved(Id, target, participant.ConnectionId, banForSession));
        if (participant.IsConnected)
        {
            AnnounceDeparture(participant, LeaveReason.Removed, now);
        }
    }

    public void SetLocked(ParticipantId actor, bool locked)
    {
        RequireModerator(actor);
        if (State.Locked != locked)
        {
            State.Locked = locked;
            Raise(new RoomUpdated(Id));
        }
    }

    public void SetSpotlight(ParticipantId actor, ParticipantId? target)
    {
        RequireModerator(actor);
        if (target is { } id)
        {
            RequirePresent(id);
        }

        State.Spotlight = target;
        Raise(new RoomUpdated(Id));
    }

    /// <summary>Ends the session for everyone: every present participant leaves with reason session-ended.</summary>
    public void End(ParticipantId? actor, DateTimeOffset now)
    {
        if (actor is { } by)
        {
            RequireModerator(by);
        }

        if (State.Phase == RoomPhase.Ended)
        {
            return;
        }

        foreach (var participant in State.Participants.Where(p => p.IsPresent))
        {
            Raise(new ParticipantLeft(Id, participant.Id, participant.UserId, LeaveReason.SessionEnded, now, participant.InClinic));
        }

        State.Participants.Clear();
        State.Phase = RoomPhase.Ended;
        State.Spotlight = null;
        Raise(new RoomEnded(Id, now));
    }

    private void AdmitOne(RoomParticipant participant, DateTimeOffset now)
    {
        participant.Admission = Admission.Admitted;
        Raise(new ParticipantAdmitted(Id, participant.Id, participant.UserId, now, ByModerator: true));
        Raise(new ParticipantJoined(Id, participant.Id, Resumed: false));
    }

    private void MuteOne(RoomParticipant participant)
    {
        participant.AudioOn = false;
        participant.HardMuted = true;
        Raise(new MediaBlocked(Id, participant.Id, Media.MediaKind.Audio, Blocked: true));
        Raise(new ParticipantMuted(Id, participant.Id, Hard: true));
        Raise(new ParticipantUpdated(Id, participant.Id));
    }

    private RoomParticipant RequireModerator(ParticipantId actor)
    {
        var participant = RequirePresent(actor);
        return participant.Role.Moderates()
            ? participant
            : throw new RoomException(RoomErrors.Forbidden, "Only a therapist can do that.");
    }
}
