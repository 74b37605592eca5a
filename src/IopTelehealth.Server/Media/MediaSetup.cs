using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus;

namespace IopTelehealth.Server.Media;

/// <summary>
/// The SFU, when configuration lists Janus nodes (<c>Media:Janus:Nodes</c>); otherwise nothing is registered and rooms
/// run in mesh mode. With Redis (scale-out) the room directory is Redis's, registered by <c>AddRedisRooms</c> first.
/// </summary>
internal static class MediaSetup
{
    public static IServiceCollection AddIopMedia(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.IsJanusConfigured())
        {
            return services;
        }

        services.AddSingleton<MediaStateBoard>();
        services.AddSingleton<IMediaEventListener>(sp => sp.GetRequiredService<MediaStateBoard>());
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
