using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Hosting;

namespace IopTelehealth.Server.Rooms;

/// <summary>Runs the sweeper on this node at the configured interval.</summary>
internal sealed partial class RoomSweepService(IServiceScopeFactory scopes, NodeIdentity node, RoomSettings settings, TimeProvider clock,
    ILogger<RoomSweepService> log) : PeriodicBackgroundService(settings.SweepInterval, clock)
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lost = await scope.ServiceProvider.GetRequiredService<RoomSweeper>().SweepAsync(node.Id, stoppingToken);
        if (lost > 0)
        {
            LogNodeLoss(log, lost);
        }
    }

    protected override void OnFailed(Exception exception) => LogSweepFailed(log, exception.GetType().Name);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Closed {Count} connections of lost nodes")]
    private static partial void LogNodeLoss(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Room sweep failed with {ExceptionType}")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType);
}
