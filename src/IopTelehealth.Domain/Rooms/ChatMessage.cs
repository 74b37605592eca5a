namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// A chat line, kept for the session's lifetime only (never persisted unless a clinic says so, never logged).
/// A private line (<see cref="Private"/>) is visible to its sender, its addressee and the session's moderators.
/// </summary>
public sealed record ChatMessage(string Id, ParticipantId From, string FromName, ParticipantId? To, bool Private, string Text, DateTimeOffset At)
{
    public const int MaxLength = 2000;

    public bool IsVisibleTo(RoomParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return !Private || participant.Id == From || participant.Id == To || participant.Role.Moderates();
    }
}

public static class ChatPolicy
{
    /// <summary>
    /// Checks who may say what to whom: admitted participants chat with the group; a patient's private line goes to
    /// the therapists; a moderator may write privately to anyone present.
    /// </summary>
    public static ChatMessage Compose(RoomState room, ParticipantId from, string? text, ParticipantId? to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(room);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > ChatMessage.MaxLength)
        {
            throw new RoomException(RoomErrors.InvalidArgument, $"A message has 1 to {ChatMessage.MaxLength} characters.");
        }

        var sender = room.Find(from) ?? throw new RoomException(RoomErrors.NotJoined, "Join the session first.");
        if (!sender.IsPresent)
        {
            throw new RoomException(RoomErrors.NotAdmitted, "Wait until the therapist admits you.");
        }

        if (to is { } target)
        {
            var addressee = room.Find(target);
            if (addressee is null || !addressee.IsPresent)
            {
                throw new RoomException(RoomErrors.ParticipantNotFound, "That participant is not in the room.");
            }

            if (!sender.Role.Moderates() && !addressee.Role.Moderates())
            {
                throw new RoomException(RoomErrors.Forbidden, "Private messages go to the therapists.");
            }
        }

        return new ChatMessage(Guid.NewGuid().ToString("N"), from, sender.DisplayName, to, to is not null, trimmed, now);
    }
}
