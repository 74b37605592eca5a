using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.InMemory;

/// <summary>
/// Everything the in-memory store keeps for one session: the current state, its chat and when both may be forgotten.
/// Every member is read and written under <see cref="Gate"/>; the stored <see cref="State"/> is never mutated in place
/// (transitions run on a clone), so handing out clones taken under the gate is enough to keep callers out of it.
/// </summary>
internal sealed class RoomSlot
{
    public Lock Gate { get; } = new();

    /// <summary>Null until a transition on a new room succeeds (a slot may hold chat only).</summary>
    public RoomState? State { get; set; }

    public Queue<ChatMessage> Chat { get; } = new();

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when the slot left the dictionary; a caller that found it before must look the session up again.</summary>
    public bool Evicted { get; set; }

    public bool IsEmpty => State is null && Chat.Count == 0;

    /// <summary>Forgets the state and the chat (the room outlived its retention).</summary>
    public void Clear()
    {
        State = null;
        Chat.Clear();
    }
}
