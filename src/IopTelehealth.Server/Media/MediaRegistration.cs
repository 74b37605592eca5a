using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Media.Janus;
using IopTelehealth.Media.Janus.VideoRoom;
using IopTelehealth.Server.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IopTelehealth.Server.Media;

/// <summary>
/// Media in the rooms. Always: the media settings (<c>Media</c>: ICE servers, TURN, mesh limit), the media use cases and
/// the notifier. With Janus nodes in configuration (<c>Media:Janus:Nodes</c>) the SFU: the Janus media plane, the
/// enforcer that makes it follow moderation, and the router of its events; otherwise rooms run in mesh mode. With Redis
/// (scale-out) the room directory is Redis's, registered by <c>AddRedisRooms</c> first.
/// </summary>
internal static class MediaRegistration
{
    public static IServiceCollection AddIopMedia(this IServiceCollection services, IConfiguration configuration, ScaleOut scaleOut)
    {
        services.AddOptions<MediaSettings>().Bind(configuration.GetSection(MediaSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MediaSettings>, MediaSettingsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MediaSettings>>().Value);
        var sfu = configuration.IsJanusConfigured();
        services.AddSingleton(sp => new MediaPolicy(sfu ? MediaMode.Sfu : MediaMode.Mesh, sp.GetRequiredService<MediaSettings>().MeshSizeLimit));
        services.AddSingleton<IMediaNotifier, SignalRMediaNotifier>();
        services.AddScoped<MediaService>();
        if (!sfu)
        {
            return services;
        }

        services.AddSingleton<MediaStateBoard>();
        services.AddSingleton<IMediaEventListener>(sp => sp.GetRequiredService<MediaStateBoard>());
        services.AddSingleton<IMediaEventListener, MediaEventRouter>();
        services.AddSingleton<IRoomEventSink, MediaEnforcer>();
        // Before AddJanusMediaPlane, whose own IMediaPlane registration then stands back.
        services.AddSingleton(sp => new ClusteredMediaPlane(
            sp.GetRequiredService<JanusVideoRoomMediaPlane>(),
            sp.GetService<IConnectionMultiplexer>() is { } redis ? new MediaNodeLink(redis) : null));
        services.AddSingleton<IMediaPlane>(sp => sp.GetRequiredService<ClusteredMediaPlane>());
        if (scaleOut.Redis is not null)
        {
            services.AddHostedService<MediaNodeLinkService>();
        }

        services.AddSingleton<IValidateOptions<IopTelehealth.Media.Janus.Options.JanusMediaOptions>, JanusProductionValidator>();
        services.AddJanusMediaPlane(configuration);
        return services;
    }

    public static WebApplication MapIopMedia(this WebApplication app)
    {
        if (app.Configuration.IsJanusConfigured())
        {
            app.MapJanusEvents();
        }

        return app;
    }
}
