using IopTelehealth.Domain.Rooms;
using StackExchange.Redis;

namespace IopTelehealth.Server.Media;

/// <summary>Listens, from the start, for what other server nodes' media planes ask this node to drop (see <see cref="ClusteredMediaPlane"/>).</summary>
internal sealed partial class MediaNodeLinkService(IConnectionMultiplexer redis, ClusteredMediaPlane plane, ILogger<MediaNodeLinkService> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        new MediaNodeLink(redis).SubscribeAsync(async message =>
        {
            try
            {
                await plane.OnPeerMessageAsync(message);
            }
            catch (RoomException e)
            {
                LogDropFailed(log, e.Code);
            }
        });

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().UnsubscribeAsync(MediaNodeLink.Channel);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Dropping media handles another node released failed ({Code})")]
    private static partial void LogDropFailed(ILogger logger, string code);
}

/// <summary>The Redis channel between the server nodes' media planes.</summary>
internal sealed class MediaNodeLink(IConnectionMultiplexer redis)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("iop:media:release");

    public Task PublishAsync(string message) => redis.GetSubscriber().PublishAsync(Channel, message);

    public Task SubscribeAsync(Func<string, Task> handler) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => handler(value.ToString()).ContinueWith(static t => t.Exception, TaskScheduler.Default));
}
