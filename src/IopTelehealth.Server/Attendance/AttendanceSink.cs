using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Server.Attendance;

/// <summary>
/// Where the rooms tell the ledger about joins, leaves, mode changes, in-clinic check-ins and ends. The write is bounded in time and never
/// tied to the caller's cancellation (a hub call aborted by a closing socket must still record that leave); when the
/// database cannot take it, the facts go to the <see cref="AttendanceOutbox"/> and the room carries on.
/// </summary>
internal sealed partial class AttendanceSink(IAttendanceLog log, AttendanceOutbox outbox, AttendanceSettings settings, ILogger<AttendanceSink> logger)
    : IRoomEventSink
{
    public async Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        // Remote presence and in-clinic check-ins/outs of one transition go to the ledger in one write.
        IReadOnlyList<AttendanceEvent> facts = [.. RoomAttendance.Translate(state, events), .. InClinicAttendance.Translate(events)];
        if (facts.Count == 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(settings.WriteTimeout);
            await log.RecordAsync(facts, timeout.Token);
        }
        catch (Exception e)
        {
            // Any failure (timeout, connection refused, disk full on the database): keep the facts; ids make the later replay safe.
            LogDeferred(logger, facts.Count, e.GetType().Name);
            await outbox.AppendAsync(facts, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Attendance write failed with {ExceptionType}; {Count} facts kept in the outbox")]
    private static partial void LogDeferred(ILogger logger, int count, string exceptionType);
}
