using System.Security.Cryptography;

namespace IopTelehealth.Identity.Clients;

/// <summary>The clients the server registers for itself.</summary>
public static class FirstPartyClients
{
    /// <summary>The Blazor web client's server side (backend-for-frontend): confidential, code + PKCE.</summary>
    public const string Web = "iop-web";

    /// <summary>First-party tools, tests and the load tool: public, code + PKCE, loopback redirect captured by the tool.</summary>
    public const string Tools = Contracts.FirstPartyTools.ClientId;

    /// <summary>The clinic room's browser: public, device authorization flow (RFC 8628) and refresh.</summary>
    public const string RoomDevice = "iop-room-device";

    public const string ToolsRedirectUri = Contracts.FirstPartyTools.RedirectUri;

    public const string WebCallbackPath = "/signin-oidc";
    public const string WebSignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The configured web client secret, or (embedded default) one generated once into the data folder.</summary>
    public static string ResolveWebSecret(IdentitySettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.IsNullOrWhiteSpace(settings.WebClientSecret))
        {
            return settings.WebClientSecret;
        }

        var file = Path.Combine(dataDirectory, "keys", "web-client-secret");
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
