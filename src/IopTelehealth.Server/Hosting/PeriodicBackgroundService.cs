namespace IopTelehealth.Server.Hosting;

/// <summary>
/// A node's periodic chore (room sweep, attendance outbox replay, follow-up creation): once at start, then every
/// <c>interval</c>; a failed round is reported and never stops the next one.
/// </summary>
internal abstract class PeriodicBackgroundService(TimeSpan interval, TimeProvider clock) : BackgroundService
{
    /// <summary>One round of the chore.</summary>
    protected abstract Task RunOnceAsync(CancellationToken stoppingToken);

    /// <summary>A round failed (the exception is for its type only: never log its message, it may carry data).</summary>
    protected abstract void OnFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                OnFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
