using IopTelehealth.Domain.Media;

namespace IopTelehealth.Domain.Rooms;

/// <summary>Media rules of the room: audio-only mode, screen share and its permission, mesh offers awaiting answers.</summary>
public sealed partial class Room
{
    /// <summary>
    /// Audio-only: the participant neither sends nor receives video. Attendance records the switch (billing tells video
    /// from audio-only), the SFU stops their video whatever the browser sends, and a running screen share ends.
    /// </summary>
    public void SetAudioOnly(ParticipantId id, bool audioOnly, DateTimeOffset now)
    {
        var participant = RequirePresent(id);
        if (participant.AudioOnly == audioOnly)
        {
            return;
        }

        participant.AudioOnly = audioOnly;
        if (audioOnly)
        {
            participant.VideoOn = false;
            participant.ScreenSharing = false;
        }

        Raise(new ParticipantModeChanged(Id, id, participant.UserId, audioOnly ? AttendanceMode.AudioOnly : AttendanceMode.Video, now));
        // Leaving audio-only lets video through again unless a moderator stopped it.
        Raise(new MediaBlocked(Id, id, MediaKind.Video, Blocked: audioOnly || participant.VideoStopped));
        Raise(new ParticipantUpdated(Id, id));
    }

    /// <summary>Moderators may always share; others only with a moderator's permission, and never in audio-only mode.</summary>
    public void SetScreenShare(ParticipantId id, bool sharing)
    {
        var participant = RequirePresent(id);
        if (sharing && !participant.Role.Moderates() && !participant.ScreenShareAllowed)
        {
            throw new RoomException(RoomErrors.Forbidden, "Ask the therapist for permission to share your screen.");
        }

        if (sharing && participant.AudioOnly)
        {
            throw new RoomException(RoomErrors.InvalidArgument, "Leave audio-only mode to share your screen.");
        }

        if (participant.ScreenSharing != sharing)
        {
            participant.ScreenSharing = sharing;
            Raise(new ParticipantUpdated(Id, id));
        }
    }

    /// <summary>A moderator lets a participant share, or takes the permission back (which ends a running share).</summary>
    public void AllowScreenShare(ParticipantId actor, ParticipantId target, bool allowed)
    {
        RequireModerator(actor);
        var participant = RequirePresent(target);
        if (participant.ScreenShareAllowed == allowed && (allowed || !participant.ScreenSharing))
        {
            return;
        }

        participant.ScreenShareAllowed = allowed;
        if (!allowed && !participant.Role.Moderates())
        {
            participant.ScreenSharing = false;
        }

        Raise(new ParticipantUpdated(Id, target));
    }

    /// <summary>Mesh: <paramref name="from"/> sent an offer to <paramref name="to"/>, who now owes an answer.</summary>
    public RoomParticipant RecordOffer(ParticipantId from, ParticipantId to)
    {
        var (_, target) = RequireMeshPair(from, to);
        if (!target.OffersFrom.Contains(from))
        {
            target.OffersFrom.Add(from);
        }

        Touch();
        return target;
    }

    /// <summary>Mesh: <paramref name="from"/> answers <paramref name="to"/>'s offer; refused when there is none.</summary>
    public RoomParticipant RecordAnswer(ParticipantId from, ParticipantId to)
    {
        var (sender, target) = RequireMeshPair(from, to);
        if (!sender.OffersFrom.Remove(to))
        {
            throw new RoomException(RoomErrors.NoPendingOffer, "That participant sent you no offer to answer.");
        }

        Touch();
        return target;
    }

    /// <summary>A participant who is gone (or whose connection dropped) answers nobody's offer any more: their peers start afresh.</summary>
    private void ForgetOffersFrom(ParticipantId id)
    {
        foreach (var participant in State.Participants)
        {
            participant.OffersFrom.Remove(id);
        }
    }

    /// <summary>Both ends of a mesh signal: admitted, connected, in this room, and not the same participant.</summary>
    public (RoomParticipant Sender, RoomParticipant Target) RequireMeshPair(ParticipantId from, ParticipantId to)
    {
        if (from == to)
        {
            throw new RoomException(RoomErrors.InvalidArgument, "A signal goes to another participant.");
        }

        var sender = RequirePresent(from);
        var target = State.Find(to) is { IsPresent: true, ConnectionId: not null } present
            ? present
            : throw new RoomException(RoomErrors.ParticipantNotFound, "No such participant in the room.");
        return (sender, target);
    }

    /// <summary>Mesh mode: every browser sends to every other one, so the room holds at most <paramref name="limit"/> present participants.</summary>
    public void EnsureMeshSize(int limit)
    {
        if (State.Participants.Count(p => p.IsPresent) > limit)
        {
            throw new RoomException(RoomErrors.RoomNeedsSfu, $"A room without the media server holds at most {limit} participants.");
        }
    }
}
