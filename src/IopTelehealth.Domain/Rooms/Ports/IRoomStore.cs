namespace IopTelehealth.Domain.Rooms.Ports;

/// <summary>
/// Port: the live state of session rooms, changed atomically. <see cref="ChangeAsync{T}"/> runs a transition on a
/// private copy of the current state and stores the result only if nobody changed the room meanwhile (retrying the
/// transition otherwise), so concurrent admits, mutes and joins on any node never lose an update.
/// </summary>
public interface IRoomStore
{
    Task<RoomState?> GetAsync(SessionId sessionId, CancellationToken cancellationToken = default);

    /// <param name="create">The initial state when the room does not exist yet.</param>
    /// <param name="change">One transition; a <see cref="RoomException"/> from it leaves the stored room unchanged.</param>
    Task<RoomChange<T>> ChangeAsync<T>(SessionId sessionId, Func<RoomState> create, Func<Room, T> change, CancellationToken cancellationToken = default);

    /// <summary>Sessions whose room exists and has not ended (for the sweeper: grace expiry, automatic end).</summary>
    Task<IReadOnlyList<SessionId>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Rooms, ended or not, that hold attendance facts the ledger has not confirmed (<see cref="RoomState.PendingAttendance"/>):
    /// left by a node that died between its write and the ledger's, or by a ledger that was down.
    /// </summary>
    Task<IReadOnlyList<SessionId>> ListPendingAttendanceAsync(CancellationToken cancellationToken = default);

    Task AppendChatAsync(SessionId sessionId, ChatMessage message, CancellationToken cancellationToken = default);

    /// <summary>The session's chat, oldest first, at most the last <paramref name="limit"/> lines.</summary>
    Task<IReadOnlyList<ChatMessage>> ReadChatAsync(SessionId sessionId, int limit, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of a transition: its result, the state after it and the events it raised.</summary>
public sealed record RoomChange<T>(T Result, RoomState State, IReadOnlyList<RoomEvent> Events);
