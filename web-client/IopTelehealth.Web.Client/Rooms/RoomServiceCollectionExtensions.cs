using IopTelehealth.Web.Client.Media;
using Microsoft.AspNetCore.Components;

namespace IopTelehealth.Web.Client.Rooms;

public static class RoomServiceCollectionExtensions
{
    /// <summary>
    /// One hub connection per page instance, to the origin the page came from (the hub is same-origin only), and the
    /// page's handle on the WebRTC module.
    /// </summary>
    public static IServiceCollection AddRoomConnection(this IServiceCollection services) => services
        .AddTransient<IRoomConnection>(sp => new RoomHubConnection(new Uri(sp.GetRequiredService<NavigationManager>().BaseUri)))
        .AddScoped<MediaModule>();
}
