using IopTelehealth.Identity;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Rooms;

/// <summary>Configuration "Rooms:AllowedOrigins": browser origins allowed to open the hub; empty means the issuer's origin.</summary>
internal sealed class RoomOriginOptions
{
    public const string Section = "Rooms";

    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Refuses hub requests from foreign browser origins: cross-site WebSocket hijacking would ride on the session cookie.
/// Requests without an Origin header do not come from a web page and stand on their bearer token alone.
/// </summary>
internal sealed class RoomOriginCheck(RequestDelegate next, IOptions<RoomOriginOptions> origins, IOptions<IdentitySettings> identity)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !Allowed(origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { type = "origin-not-allowed", title = "This origin may not open the room hub.", status = 403 });
            return;
        }

        await next(context);
    }

    private bool Allowed(string origin)
    {
        IEnumerable<string> allowed = origins.Value.AllowedOrigins.Count > 0
            ? origins.Value.AllowedOrigins
            : [identity.Value.Issuer!.GetLeftPart(UriPartial.Authority)];
        return allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
