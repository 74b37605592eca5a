namespace IopTelehealth.Domain.Rooms;

/// <summary>Event ids derived from the room state, so any node replaying the same transition derives the same id.</summary>
public static class RoomEventIds
{
    /// <summary>Called after the version was incremented for the event: every event of a room gets its own version.</summary>
    public static string For(RoomState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return $"room:{state.SessionId}:{state.Incarnation:N}:{state.Version}";
    }
}
