using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Server.Attendance;

namespace IopTelehealth.Server.Hybrid;

/// <summary>
/// Records in-clinic presence (<see cref="InClinicAttendance"/>) in the ledger with the same guarantees as the room's remote
/// facts: a bounded write not tied to the caller's cancellation, and the outbox when the database cannot take it.
/// </summary>
internal sealed partial class InClinicAttendanceSink(IAttendanceLog log, AttendanceOutbox outbox, AttendanceSettings settings, ILogger<InClinicAttendanceSink> logger)
    : IRoomEventSink
{
    public async Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        var facts = InClinicAttendance.Translate(events);
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
            LogDeferred(logger, facts.Count, e.GetType().Name);
            await outbox.AppendAsync(facts, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "In-clinic attendance write failed with {ExceptionType}; {Count} facts kept in the outbox")]
    private static partial void LogDeferred(ILogger logger, int count, string exceptionType);
}
