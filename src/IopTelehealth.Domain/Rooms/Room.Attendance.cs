namespace IopTelehealth.Domain.Rooms;

/// <summary>The room's side of the attendance hand-over: facts stay staged in the state until the ledger confirmed them.</summary>
public sealed partial class Room
{
    /// <summary>Forgets the staged facts the ledger now holds (recording is idempotent, so a late or repeated call is harmless).</summary>
    /// <returns>Whether anything was forgotten.</returns>
    public bool AcknowledgeAttendance(IReadOnlyCollection<string> eventIds)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        return State.PendingAttendance.RemoveAll(fact => eventIds.Contains(fact.EventId)) > 0;
    }
}
