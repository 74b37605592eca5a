using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace IopTelehealth.Identity.Keys;

/// <summary>
/// The token signing and encryption keys. Configured PEM wins; otherwise (embedded default only) keys are generated
/// once into the data folder so tokens stay valid across restarts.
/// </summary>
public sealed record TokenKeys(SecurityKey Signing, SecurityKey Encryption)
{
    public static TokenKeys Resolve(IdentitySettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TokenKeys(
            Load(settings.SigningKeyPem, Path.Combine(dataDirectory, "keys", "token-signing.pem"), "Identity:SigningKeyPem"),
            Load(settings.EncryptionKeyPem, Path.Combine(dataDirectory, "keys", "token-encryption.pem"), "Identity:EncryptionKeyPem"));
    }

    public static bool TryParseRsa(string pem, out RSA? rsa)
    {
        var candidate = RSA.Create();
        try
        {
            candidate.ImportFromPem(pem);
            candidate.ExportParameters(includePrivateParameters: true);
            rsa = candidate;
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            candidate.Dispose();
            rsa = null;
            return false;
        }
    }

    private static RsaSecurityKey Load(string? configuredPem, string file, string key)
    {
        var pem = configuredPem;
        if (string.IsNullOrWhiteSpace(pem))
        {
            pem = File.Exists(file) ? File.ReadAllText(file) : Generate(file);
        }

        if (!TryParseRsa(pem, out var rsa))
        {
            throw new InvalidOperationException($"{key} (or {file}) is not an RSA private key in PEM.");
        }

        // A stable key id lets validators on every node pick the right key after rotation.
        var kid = Convert.ToHexString(SHA256.HashData(rsa!.ExportSubjectPublicKeyInfo()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }

    private static string Generate(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        File.WriteAllText(file, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return pem;
    }
}
