using OtpNet;

namespace IopTelehealth.Client.SignIn;

/// <summary>An authenticator app: the current code for a Base32 secret.</summary>
public static class TotpCodes
{
    public static string Now(string base32Secret) => new Totp(Base32Encoding.ToBytes(base32Secret.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}
