using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>A short-lived TURN login for one participant, sent in the join reply; useless after <see cref="ExpiresAt"/>.</summary>
public sealed record TurnCredential(string Username, string Password, DateTimeOffset ExpiresAt);

/// <summary>
/// TURN credentials in the "TURN REST API" scheme that coturn checks with <c>use-auth-secret</c>: the username is
/// <c>"&lt;expiry unix seconds&gt;:&lt;participant&gt;"</c> and the password is Base64(HMAC-SHA1(shared secret, username)).
/// The TURN server needs no call back to us and refuses the login once the expiry has passed. The participant id is
/// room-local and random, so the TURN server's logs carry no account or PHI.
/// </summary>
public static class TurnCredentials
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(4);

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "coturn's use-auth-secret defines HMAC-SHA1; the key is a server secret and the login short-lived.")]
    public static TurnCredential Create(string sharedSecret, ParticipantId participantId, DateTimeOffset now, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(sharedSecret);
        ArgumentException.ThrowIfNullOrEmpty(participantId.Value);
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A TURN login lives between a moment and a day.");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds());
        var username = string.Create(CultureInfo.InvariantCulture, $"{expiresAt.ToUnixTimeSeconds()}:{participantId.Value}");
        var password = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.UTF8.GetBytes(username)));
        return new TurnCredential(username, password, expiresAt);
    }
}
