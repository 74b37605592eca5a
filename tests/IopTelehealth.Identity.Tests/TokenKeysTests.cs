using System.Security.Cryptography;
using IopTelehealth.Identity.Keys;
using Microsoft.IdentityModel.Tokens;

namespace IopTelehealth.Identity.Tests;

public sealed class TokenKeysTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("iop-keys-").FullName;

    [Fact]
    public void Keys_are_generated_once_into_the_data_folder_and_reused()
    {
        var first = TokenKeys.Resolve(new IdentitySettings(), _data);
        var second = TokenKeys.Resolve(new IdentitySettings(), _data);

        Assert.Equal(first.Signing.KeyId, second.Signing.KeyId);
        Assert.NotEqual(first.Signing.KeyId, first.Encryption.KeyId);
        var file = Path.Combine(_data, "keys", "token-signing.pem");
        if (!OperatingSystem.IsWindows())
        {
            // Private keys readable by other local users would let them mint tokens.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Configured_PEM_wins_over_the_data_folder()
    {
        using var rsa = RSA.Create(2048);
        var settings = new IdentitySettings { SigningKeyPem = rsa.ExportPkcs8PrivateKeyPem() };

        var keys = TokenKeys.Resolve(settings, _data);

        var expected = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
        Assert.Equal(expected, keys.Signing.KeyId);
        Assert.False(File.Exists(Path.Combine(_data, "keys", "token-signing.pem")));
        Assert.IsType<RsaSecurityKey>(keys.Encryption);
    }

    [Fact]
    public void A_bad_PEM_is_reported_by_its_configuration_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TokenKeys.Resolve(new IdentitySettings { EncryptionKeyPem = "-----BEGIN NONSENSE-----" }, _data));

        Assert.Contains("Identity:EncryptionKeyPem", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
