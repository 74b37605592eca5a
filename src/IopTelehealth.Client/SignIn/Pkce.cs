using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IopTelehealth.Client.SignIn;

/// <summary>RFC 7636 proof key: a random verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce New()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
