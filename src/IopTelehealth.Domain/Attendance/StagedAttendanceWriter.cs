using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Attendance;

/// <summary>
/// Moves the attendance facts rooms stage with their changes (<see cref="RoomState.PendingAttendance"/>) into the ledger,
/// then lets the room forget them. Any node may do it for any room, any number of times: the ledger keeps a fact once by
/// id, and the room forgets only the facts that were recorded. Right after its own change a node writes that room's facts;
/// <see cref="WriteAllStagedAsync"/> picks up what a node that died in between, or a ledger that was down, left behind.
/// </summary>
public sealed class StagedAttendanceWriter(IRoomStore rooms, IAttendanceLog log)
{
    /// <summary>Records every fact the room holds and acknowledges them; a failure to record leaves them staged.</summary>
    /// <param name="recordCancellation">Bounds the ledger write only; acknowledging runs to the end once the facts are safe.</param>
    /// <returns>How many facts were staged.</returns>
    public async Task<int> WriteAsync(RoomState state, CancellationToken recordCancellation = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var facts = state.PendingAttendance.ToList();
        if (facts.Count == 0)
        {
            return 0;
        }

        await log.RecordAsync(facts, recordCancellation);
        var ids = facts.Select(f => f.EventId).ToHashSet(StringComparer.Ordinal);
        try
        {
            await rooms.ChangeAsync(state.SessionId, () => throw new RoomException(RoomErrors.SessionNotFound, "No such session."),
                room => room.AcknowledgeAttendance(ids), CancellationToken.None);
        }
        catch (RoomException e) when (e.Code == RoomErrors.SessionNotFound)
        {
            // The room expired meanwhile: nothing left to forget.
        }

        return facts.Count;
    }

    /// <summary>Writes the staged facts of every room holding some; stops at the first failure (the ledger is likely down).</summary>
    /// <returns>How many facts were written.</returns>
    public async Task<int> WriteAllStagedAsync(CancellationToken cancellationToken = default)
    {
        var written = 0;
        foreach (var sessionId in await rooms.ListPendingAttendanceAsync(cancellationToken))
        {
            if (await rooms.GetAsync(sessionId, cancellationToken) is { } state)
            {
                written += await WriteAsync(state, cancellationToken);
            }
        }

        return written;
    }
}
