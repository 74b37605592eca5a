using IopTelehealth.Server.Hosting;

namespace IopTelehealth.Server.Attendance;

/// <summary>Creates missed-session follow-ups periodically (a session counts as ended when its room ended or long after its scheduled end).</summary>
internal sealed partial class FollowUpCreationService(IServiceScopeFactory scopes, AttendanceSettings settings, TimeProvider clock,
    ILogger<FollowUpCreationService> logger) : PeriodicBackgroundService(settings.FollowUpInterval, clock)
{
    protected override async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<FollowUpService>().CreateDueAsync(stoppingToken);
        if (created > 0)
        {
            LogCreated(logger, created);
        }
    }

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception.GetType().Name);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Information, Message = "Created {Count} missed-session follow-ups")]
    private static partial void LogCreated(ILogger logger, int count);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Creating follow-ups failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
