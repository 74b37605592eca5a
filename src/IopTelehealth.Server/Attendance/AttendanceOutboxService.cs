using IopTelehealth.Domain.Attendance.Ports;

namespace IopTelehealth.Server.Attendance;

/// <summary>Replays the outbox into the ledger at the configured interval (also right at start, for batches left by a crash).</summary>
internal sealed partial class AttendanceOutboxService(AttendanceOutbox outbox, IAttendanceLog log, AttendanceSettings settings, TimeProvider clock,
    ILogger<AttendanceOutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.OutboxRetryInterval, clock);
        do
        {
            try
            {
                var written = await outbox.DrainAsync(log, stoppingToken);
                if (written > 0)
                {
                    LogReplayed(logger, written);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStillFailing(logger, e.GetType().Name, outbox.Pending);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Replayed {Count} attendance outbox batches")]
    private static partial void LogReplayed(ILogger logger, int count);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Attendance outbox replay failed with {ExceptionType}; {Pending} batches pending")]
    private static partial void LogStillFailing(ILogger logger, string exceptionType, int pending);
}
