using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IopTelehealth.Media.Janus.Events;
using IopTelehealth.Media.Janus.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Media;

/// <summary>
/// POST /internal/janus/events: where Janus's sample event handler (sampleevh) posts what happens to handles and
/// PeerConnections. Janus authenticates with HTTP basic authentication (<c>backend_user</c> / <c>backend_pwd</c>);
/// the password is <c>Media:Janus:EventsSecret</c>, compared in constant time. Unauthenticated posts get 401 and bad
/// ones 400, and change nothing. Mapped only when Janus and the secret are configured.
/// </summary>
internal static class JanusEventsEndpoint
{
    public const string Path = "/internal/janus/events";
    public const string User = "janus";

    /// <summary>Janus groups events; a post of a few hundred events is a few hundred KB at most.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapJanusEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, JanusEventSink sink, IOptions<JanusMediaOptions> options)
    {
        if (options.Value.EventsSecret is not { } secret || !Authenticated(context.Request, secret))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"janus-events\"";
            return Results.Unauthorized();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            await sink.AcceptAsync(document.RootElement, context.RequestAborted);
            return Results.NoContent();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static bool Authenticated(HttpRequest request, string secret)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 and < 1024 } parameter)
        {
            return false;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Hashing first makes both sides the same length, so the comparison time says nothing about the secret.
        var user = SHA256.HashData(Encoding.UTF8.GetBytes(credentials[..colon]));
        var password = SHA256.HashData(Encoding.UTF8.GetBytes(credentials[(colon + 1)..]));
        return CryptographicOperations.FixedTimeEquals(user, SHA256.HashData(Encoding.UTF8.GetBytes(User)))
            & CryptographicOperations.FixedTimeEquals(password, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
