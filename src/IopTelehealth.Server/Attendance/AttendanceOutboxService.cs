using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Server.Hosting;

namespace IopTelehealth.Server.Attendance;

/// <summary>Replays the outbox into the ledger at the configured interval (also right at start, for batches left by a crash).</summary>
internal sealed partial class AttendanceOutboxService(AttendanceOutbox outbox, IAttendanceLog log, AttendanceSettings settings, TimeProvider clock,
    ILogger<AttendanceOutboxService> logger) : PeriodicBackgroundService(settings.OutboxRetryInterval, clock)
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        var written = await outbox.DrainAsync(log, stoppingToken);
        if (written > 0)
        {
            LogReplayed(logger, written);
        }
    }

    protected override void OnFailed(Exception exception) => LogStillFailing(logger, exception.GetType().Name, outbox.Pending);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Replayed {Count} attendance outbox batches")]
    private static partial void LogReplayed(ILogger logger, int count);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Attendance outbox replay failed with {ExceptionType}; {Pending} batches pending")]
    private static partial void LogStillFailing(ILogger logger, string exceptionType, int pending);
}
