using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Server.Attendance;

/// <summary>
/// Where the rooms hand the ledger the facts a transition staged (joins, leaves, mode changes, in-clinic check-ins, ends). The
/// write is bounded in time and never tied to the caller's cancellation (a hub call aborted by a closing socket must still
/// record that leave); when the database cannot take it, the facts stay staged in the room (any node retries them) and are
/// also kept in this node's <see cref="AttendanceOutbox"/>, and the room carries on.
/// </summary>
internal sealed partial class AttendanceSink(StagedAttendanceWriter writer, AttendanceOutbox outbox, AttendanceSettings settings, ILogger<AttendanceSink> logger)
    : IRoomEventSink
{
    public async Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        // Only a transition that staged facts writes (with any older ones): facts left by a failed write wait for the periodic
        // retry instead of making every raised hand wait for a database that is down.
        var sequences = events.Select(e => e.Sequence).ToHashSet();
        var fresh = state.PendingAttendance.Where(f => sequences.Contains(f.Sequence)).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(settings.WriteTimeout);
            await writer.WriteAsync(state, timeout.Token);
        }
        catch (Exception e)
        {
            // Any failure (timeout, connection refused, disk full on the database): ids make every later replay safe.
            LogDeferred(logger, fresh.Count, e.GetType().Name);
            await outbox.AppendAsync(fresh, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Attendance write failed with {ExceptionType}; {Count} facts stay staged and in the outbox")]
    private static partial void LogDeferred(ILogger logger, int count, string exceptionType);
}
