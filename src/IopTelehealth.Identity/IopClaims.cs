namespace IopTelehealth.Identity;

/// <summary>Claim names of our own that travel in tokens and cookies next to the OIDC standard ones.</summary>
public static class IopClaims
{
    public const string ClinicId = "clinic_id";

    /// <summary>Authentication method reference; "mfa" once a second factor was verified.</summary>
    public const string AuthenticationMethod = "amr";

    public const string MfaMethod = "mfa";
}
