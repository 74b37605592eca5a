using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Identity.Audit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Rooms;

/// <summary>
/// Around every hub call: the per-connection rate limit, and the translation of refusals into stable
/// "code: text" hub errors (nothing else reaches the client: no stack traces). Authorization refusals are audited.
/// </summary>
internal sealed partial class RoomHubFilter(IOptions<RoomHubOptions> options, TimeProvider clock, SecurityAudit audit, ILogger<RoomHubFilter> log) : IHubFilter
{
    private const string LimitKey = "iop.rate";
    private const string SignalLimitKey = "iop.rate.signal";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        // ICE trickle comes in bursts (a dozen candidates per connection, per peer in mesh): its own, larger budget,
        // so a join's candidates neither starve nor are starved by the other calls.
        var signaling = invocationContext.HubMethodName is nameof(RoomHub.Trickle) or nameof(RoomHub.SendSignal);
        var key = signaling ? SignalLimitKey : LimitKey;
        if (!items.TryGetValue(key, out var value) || value is not ConnectionRateLimit limit)
        {
            limit = signaling
                ? new ConnectionRateLimit(options.Value.SignalPermitsPerSecond, options.Value.SignalBurst, clock)
                : new ConnectionRateLimit(options.Value.PermitsPerSecond, options.Value.Burst, clock);
            items[key] = limit;
        }

        if (!limit.TryAcquire())
        {
            throw new HubException($"{RoomErrors.RateLimited}: Too many requests; slow down.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (RoomException e)
        {
            if (e.Code == RoomErrors.Forbidden)
            {
                await audit.WriteAsync(AuditActions.Forbidden, AuditOutcome.Denied, targetType: "hub", targetId: invocationContext.HubMethodName);
            }

            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            // Never the message: it could carry PHI from a store or the database.
            LogFailure(log, invocationContext.HubMethodName, e.GetType().Name);
            throw new HubException("internal-error: Something went wrong. Please try again.");
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Room hub method {Method} failed with {ExceptionType}")]
    private static partial void LogFailure(ILogger logger, string method, string exceptionType);
}

/// <summary>Configuration section "Rooms:RateLimit".</summary>
internal sealed class RoomHubOptions
{
    public const string Section = "Rooms:RateLimit";

    public double PermitsPerSecond { get; set; } = 10;

    public int Burst { get; set; } = 20;

    /// <summary>Trickle and SendSignal: a mesh participant trickles to up to five peers at once.</summary>
    public double SignalPermitsPerSecond { get; set; } = 50;

    public int SignalBurst { get; set; } = 120;
}
