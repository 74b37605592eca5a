using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Identity;
using IopTelehealth.InMemory;
using IopTelehealth.Server.Hosting;
using IopTelehealth.Server.Web;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using OpenIddict.Validation.AspNetCore;

namespace IopTelehealth.Server.Rooms;

/// <summary>Registers and maps the room hub and the room use cases; stores come from <see cref="ScaleOut"/> or memory.</summary>
internal static class RoomHubSetup
{
    public const string Policy = "room-hub";

    public static IServiceCollection AddIopRooms(this IServiceCollection services, IConfiguration configuration, ScaleOut scaleOut)
    {
        var settings = configuration.GetSection(RoomSettings.Section).Get<RoomSettings>() ?? new RoomSettings();
        services.AddSingleton(settings);
        services.AddOptions<RoomHubOptions>().Bind(configuration.GetSection(RoomHubOptions.Section));
        services.AddOptions<RoomOriginOptions>().Bind(configuration.GetSection(RoomOriginOptions.Section));
        services.AddSingleton(NodeIdentity.ForThisProcess());
        services.AddSingleton<SignalRRoomNotifier>();
        services.AddSingleton<Domain.Rooms.Ports.IRoomNotifier>(sp => sp.GetRequiredService<SignalRRoomNotifier>());
        services.AddScoped<RoomPublisher>();
        services.AddScoped<RoomService>();
        services.AddScoped<RoomSweeper>();
        services.AddHostedService<RoomSweepService>();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();

        var signalR = services.AddSignalR(options =>
        {
            options.MaximumReceiveMessageSize = RoomProtocol.MaxMessageBytes;
            options.EnableDetailedErrors = false;
            options.AddFilter<RoomHubFilter>();
        }).AddMessagePackProtocol();
        if (scaleOut.Redis is not null)
        {
            scaleOut.AddRoomsAndBackplane(services, signalR);
        }
        else
        {
            services.AddInMemoryRooms();
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(WebAuthentication.CookieScheme, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(IopClaims.ClinicId));
        return services;
    }

    public static WebApplication MapIopRooms(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(RoomProtocol.HubPath), hub => hub.UseMiddleware<RoomOriginCheck>());
        app.MapHub<RoomHub>(RoomProtocol.HubPath, options =>
        {
            // WebSockets only: long polling would hold a request per participant and break the Origin check's premise.
            options.Transports = HttpTransportType.WebSockets;
            options.ApplicationMaxBufferSize = RoomProtocol.MaxMessageBytes;
        }).RequireAuthorization(Policy);
        return app;
    }
}
