using System.Collections.Concurrent;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.InMemory;

/// <summary>
/// The embedded room store for a single node. Each session has its own lock: a transition runs on a clone of the
/// stored state and the clone replaces it only when the transition returns, so a refused transition changes nothing.
/// Transitions are pure CPU work (no I/O inside <see cref="Room"/>), which is why a plain lock is enough.
/// </summary>
/// <remarks>
/// Memory stays bounded: a room and its chat are kept until <see cref="Retention"/> after its scheduled end, or after
/// its last change when that is later (a session running over time, or ended late). Expired rooms are dropped by
/// <see cref="ListActiveAsync"/> (the sweeper calls it periodically) and when a new room is created; an expired room
/// reads as absent even before that. The Redis store keeps keys for the same span (a TTL), so both behave alike.
/// </remarks>
public sealed class InMemoryRoomStore(TimeProvider clock) : IRoomStore
{
    /// <summary>Chat lines kept per session; older lines are dropped.</summary>
    public const int ChatLimit = 500;

    /// <summary>How long an ended (or abandoned) room stays readable, so late joiners hear "ended", not "not found".</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<SessionId, RoomSlot> _rooms = new();

    public Task<RoomState?> GetAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        if (!_rooms.TryGetValue(sessionId, out var slot))
        {
            return Task.FromResult<RoomState?>(null);
        }

        lock (slot.Gate)
        {
            DropIfExpired(slot);
            return Task.FromResult(slot.State?.Clone());
        }
    }

    public Task<RoomChange<T>> ChangeAsync<T>(SessionId sessionId, Func<RoomState> create, Func<Room, T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        var (outcome, created) = Transition(sessionId, create, change);
        if (created)
        {
            // New rooms are rare (a few per day per group), so they pay for forgetting expired ones.
            SweepExpired();
        }

        return Task.FromResult(outcome);
    }

    private (RoomChange<T> Outcome, bool Created) Transition<T>(SessionId sessionId, Func<RoomState> create, Func<Room, T> change)
    {
        while (true)
        {
            var slot = _rooms.GetOrAdd(sessionId, _ => new RoomSlot());
            lock (slot.Gate)
            {
                if (slot.Evicted)
                {
                    continue;
                }

                DropIfExpired(slot);
                var created = slot.State is null;
                try
                {
                    var working = slot.State?.Clone() ?? create();
                    var room = new Room(working);
                    var result = change(room);
                    // The caller keeps the working copy (its result may point into it); the store keeps a private one.
                    slot.State = working.Clone();
                    slot.ExpiresAt = ExpiryOf(working);
                    return (new RoomChange<T>(result, working, room.Events), created);
                }
                catch
                {
                    // A refused first transition must not leave an empty slot behind for every bogus session id.
                    if (slot.IsEmpty)
                    {
                        Evict(sessionId, slot);
                    }

                    throw;
                }
            }
        }
    }

    public Task<IReadOnlyList<SessionId>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        SweepExpired();
        var active = new List<SessionId>();
        foreach (var (sessionId, slot) in _rooms)
        {
            lock (slot.Gate)
            {
                DropIfExpired(slot);
                if (slot.State is { Phase: not RoomPhase.Ended })
                {
                    active.Add(sessionId);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<SessionId>>(active);
    }

    public Task<IReadOnlyList<SessionId>> ListPendingAttendanceAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<SessionId>();
        foreach (var (sessionId, slot) in _rooms)
        {
            lock (slot.Gate)
            {
                DropIfExpired(slot);
                if (slot.State is { PendingAttendance.Count: > 0 })
                {
                    pending.Add(sessionId);
                }
            }
        }

        return Task.FromResult<IReadOnlyList<SessionId>>(pending);
    }

    public Task AppendChatAsync(SessionId sessionId, ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        while (true)
        {
            var slot = _rooms.GetOrAdd(sessionId, _ => new RoomSlot());
            lock (slot.Gate)
            {
                if (slot.Evicted)
                {
                    continue;
                }

                DropIfExpired(slot);
                if (slot.IsEmpty)
                {
                    // Chat without a room (the host always creates the room first): keep it for the retention span.
                    slot.ExpiresAt = clock.GetUtcNow() + Retention;
                }

                slot.Chat.Enqueue(message);
                while (slot.Chat.Count > ChatLimit)
                {
                    slot.Chat.Dequeue();
                }

                return Task.CompletedTask;
            }
        }
    }

    public Task<IReadOnlyList<ChatMessage>> ReadChatAsync(SessionId sessionId, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0 || !_rooms.TryGetValue(sessionId, out var slot))
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>>([]);
        }

        lock (slot.Gate)
        {
            DropIfExpired(slot);
            return Task.FromResult<IReadOnlyList<ChatMessage>>([.. slot.Chat.Skip(Math.Max(0, slot.Chat.Count - limit))]);
        }
    }

    private DateTimeOffset ExpiryOf(RoomState state)
    {
        var now = clock.GetUtcNow();
        return (state.ScheduledEnd > now ? state.ScheduledEnd : now) + Retention;
    }

    /// <summary>Caller holds the slot's gate.</summary>
    private void DropIfExpired(RoomSlot slot)
    {
        if (!slot.IsEmpty && slot.ExpiresAt <= clock.GetUtcNow())
        {
            slot.Clear();
        }
    }

    private void SweepExpired()
    {
        foreach (var (sessionId, slot) in _rooms)
        {
            // Never wait here: a busy slot is in use, so it is not one to forget now.
            if (!slot.Gate.TryEnter())
            {
                continue;
            }

            try
            {
                DropIfExpired(slot);
                if (slot.IsEmpty)
                {
                    Evict(sessionId, slot);
                }
            }
            finally
            {
                slot.Gate.Exit();
            }
        }
    }

    /// <summary>Caller holds the slot's gate, so anyone waiting for it sees <see cref="RoomSlot.Evicted"/> afterwards.</summary>
    private void Evict(SessionId sessionId, RoomSlot slot)
    {
        _rooms.TryRemove(new KeyValuePair<SessionId, RoomSlot>(sessionId, slot));
        slot.Evicted = true;
    }
}
