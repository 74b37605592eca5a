using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus.Events;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using IopTelehealth.Media.Janus.VideoRoom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Media.Janus;

public static class JanusMediaServiceCollectionExtensions
{
    /// <summary>True when configuration lists Janus nodes (<c>Media:Janus:Nodes</c>): the host then uses the SFU.</summary>
    public static bool IsJanusConfigured(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection($"{JanusMediaOptions.Section}:Nodes").GetChildren().Any();
    }

    /// <summary>
    /// The Janus VideoRoom media plane from <c>Media:Janus</c>, validated at start (a bad key fails the start with its
    /// name). Registers the in-memory room and handle directories unless others (Redis) were registered before.
    /// </summary>
    public static IServiceCollection AddJanusMediaPlane(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JanusMediaOptions>().Bind(configuration.GetSection(JanusMediaOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JanusMediaOptions>, JanusMediaOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMediaRoomDirectory, InMemoryMediaRoomDirectory>();
        services.TryAddSingleton<IMediaHandleDirectory, MediaHandleRegistry>();
        services.TryAddSingleton<IJanusNodes>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<JanusMediaOptions>>().Value;
            var timings = new JanusGatewayOptions { KeepaliveInterval = options.KeepaliveInterval, RequestTimeout = options.RequestTimeout };
            return new JanusGatewayPool(options.Nodes, timings, sp.GetRequiredService<ILoggerFactory>());
        });
        services.TryAddSingleton(sp => new JanusVideoRoomMediaPlane(
            sp.GetRequiredService<IJanusNodes>(),
            sp.GetRequiredService<IMediaRoomDirectory>(),
            sp.GetServices<IMediaEventListener>(),
            sp.GetRequiredService<IMediaHandleDirectory>(),
            sp.GetRequiredService<IOptions<JanusMediaOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JanusVideoRoomMediaPlane>>()));
        services.TryAddSingleton<IMediaPlane>(sp => sp.GetRequiredService<JanusVideoRoomMediaPlane>());
        services.TryAddSingleton<JanusEventSink>();
        return services;
    }
}
