using IopTelehealth.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace IopTelehealth.Server.Hosting;

/// <summary>
/// Multi-node mode, chosen by configuration ("Redis:Configuration"). With Redis, every node shares room state and
/// presence, the SignalR backplane, the Data Protection keys (cookies and antiforgery tokens valid on every node) and
/// the web session tickets. Without it the server is a single node with everything in memory and keys on disk.
/// </summary>
internal sealed class ScaleOut
{
    public const string Section = "Redis";

    private ScaleOut(IConnectionMultiplexer? redis) => Redis = redis;

    public IConnectionMultiplexer? Redis { get; }

    public static ScaleOut FromConfiguration(IConfiguration configuration)
    {
        var connection = configuration[$"{Section}:Configuration"];
        // One connection for the whole process; an unreachable Redis stops the start rather than half-running a node.
        return new ScaleOut(string.IsNullOrWhiteSpace(connection) ? null : ConnectionMultiplexer.Connect(connection));
    }

    public void AddSharedState(IServiceCollection services, IDataProtectionBuilder dataProtection, string dataDirectory)
    {
        if (Redis is null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys", "data-protection")));
            services.AddDistributedMemoryCache();
            return;
        }

        services.AddSingleton(Redis);
        dataProtection.PersistKeysToStackExchangeRedis(Redis, "iop:data-protection-keys");
        services.AddStackExchangeRedisCache(options =>
        {
            options.ConnectionMultiplexerFactory = () => Task.FromResult(Redis);
            options.InstanceName = "iop:cache:";
        });
    }

    public void AddRoomsAndBackplane(IServiceCollection services, ISignalRServerBuilder signalR)
    {
        var redis = Redis ?? throw new InvalidOperationException("Redis:Configuration is not set.");
        services.AddRedisRooms(redis);
        signalR.AddStackExchangeRedis(options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal("iop:signalr");
            options.ConnectionFactory = _ => Task.FromResult(redis);
        });
    }
}
