using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Attendance.Ports;
using IopTelehealth.Server.Hosting;

namespace IopTelehealth.Server.Attendance;

/// <summary>
/// At the configured interval (and right at start): renews this server's life mark, replays this node's outbox into the
/// ledger, writes the facts any room still holds staged (a node died between its room write and its ledger write, or the
/// ledger was down), then closes intervals no live room backs any more (a room lost with its process or its Redis).
/// </summary>
internal sealed partial class AttendanceRetryService(AttendanceOutbox outbox, StagedAttendanceWriter staged, OrphanedIntervalCloser orphans, ServerLifeMark life,
    IAttendanceLog log, AttendanceSettings settings, TimeProvider clock, ILogger<AttendanceRetryService> logger)
    : PeriodicBackgroundService(settings.OutboxRetryInterval, clock)
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await life.RenewAsync(stoppingToken);
        var batches = await outbox.DrainAsync(log, stoppingToken);
        var facts = await staged.WriteAllStagedAsync(stoppingToken);
        var orphaned = await orphans.CloseAsync(life.Life, stoppingToken);
        if (batches > 0 || facts > 0)
        {
            LogReplayed(logger, batches, facts);
        }

        if (orphaned > 0)
        {
            LogOrphans(logger, orphaned);
        }
    }

    protected override void OnFailed(Exception exception) => LogStillFailing(logger, exception.GetType().Name, outbox.Pending);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Replayed {Batches} attendance outbox batches and {Facts} staged room facts")]
    private static partial void LogReplayed(ILogger logger, int batches, int facts);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Closed {Count} attendance intervals that no live room backs (a room was lost)")]
    private static partial void LogOrphans(ILogger logger, int count);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Attendance retry failed with {ExceptionType}; {Pending} outbox batches pending")]
    private static partial void LogStillFailing(ILogger logger, string exceptionType, int pending);
}
