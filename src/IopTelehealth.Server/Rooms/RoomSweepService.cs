using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Rooms;

/// <summary>Runs the sweeper on this node at the configured interval; one failed sweep never stops the next.</summary>
internal sealed partial class RoomSweepService(IServiceScopeFactory scopes, NodeIdentity node, RoomSettings settings, TimeProvider clock,
    ILogger<RoomSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var lost = await scope.ServiceProvider.GetRequiredService<RoomSweeper>().SweepAsync(node.Id, stoppingToken);
                if (lost > 0)
                {
                    LogNodeLoss(log, lost);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(log, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Closed {Count} connections of lost nodes")]
    private static partial void LogNodeLoss(ILogger logger, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Room sweep failed with {ExceptionType}")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType);
}
