using IopTelehealth.Identity.Account;
using IopTelehealth.Identity.Devices;
using IopTelehealth.Identity.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IopTelehealth.Identity;

public static class IdentityEndpointRouteBuilderExtensions
{
    /// <summary>The OpenIddict passthrough endpoints and the account pages.</summary>
    public static IEndpointRouteBuilder MapIopIdentity(this IEndpointRouteBuilder routes)
    {
        var connect = routes.MapGroup("/connect").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync);
        connect.MapPost("/token", TokenEndpoint.HandleAsync);
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], LogoutEndpoint.HandleAsync);
        connect.MapGet("/verify", DeviceVerifyEndpoint.ShowAsync);
        connect.MapPost("/verify", DeviceVerifyEndpoint.DecideAsync);
        routes.MapAccountEndpoints();
        return routes;
    }
}
