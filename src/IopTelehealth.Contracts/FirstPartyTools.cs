namespace IopTelehealth.Contracts;

/// <summary>
/// The public OAuth client of first-party tools (tests, the load tool): code + PKCE with a loopback redirect that the
/// tool captures and never serves. The server registers it (Identity's FirstPartyClients); tools sign in with it.
/// </summary>
public static class FirstPartyTools
{
    public const string ClientId = "iop-tools";

    public const string RedirectUri = "http://127.0.0.1/oauth/callback";

    public const string Scopes = "openid profile email roles offline_access iop_api";
}
