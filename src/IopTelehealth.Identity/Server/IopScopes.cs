namespace IopTelehealth.Identity.Server;

/// <summary>Scopes and resources of our own APIs.</summary>
public static class IopScopes
{
    /// <summary>Access to the clinic API and the room hub.</summary>
    public const string Api = "iop_api";

    /// <summary>The audience of access tokens for the API and hub.</summary>
    public const string ApiResource = "iop-server";
}
