using System.Buffers.Binary;
using System.Security.Cryptography;
using IopTelehealth.Domain.Rooms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Hybrid;

/// <summary>
/// The room screen's check-in codes: session id, issue time, expiry and a random nonce, sealed with Data Protection
/// (authenticated encryption; the key ring is shared by every node, in Redis when scaled out). A code names its session,
/// so one session's code cannot check anyone into another, and it says nothing readable to whoever photographs it.
/// </summary>
internal sealed class CheckInCodeProtector(IDataProtectionProvider protection, TimeProvider clock, IOptions<HybridSettings> settings)
{
    private const byte FormatVersion = 1;
    private const int PayloadLength = 1 + 16 + 8 + 8 + 16;

    /// <summary>A code issued slightly in the future (another node's clock) is still accepted within this skew.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private readonly IDataProtector _protector = protection.CreateProtector("IopTelehealth.Hybrid.CheckInCode.v1");

    public (string Token, CheckInCode Code) Issue(SessionId sessionId)
    {
        var now = clock.GetUtcNow();
        var code = new CheckInCode(sessionId, Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(16)), now, now + settings.Value.CodeLifetime);
        var payload = new byte[PayloadLength];
        payload[0] = FormatVersion;
        sessionId.Value.TryWriteBytes(payload.AsSpan(1, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(17, 8), code.IssuedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(25, 8), code.ExpiresAt.ToUnixTimeMilliseconds());
        Base64UrlTextEncoder.Decode(code.Nonce).CopyTo(payload.AsSpan(33, 16));
        return (Base64UrlTextEncoder.Encode(_protector.Protect(payload)), code);
    }

    /// <summary>The code, verified for <paramref name="sessionId"/> and not expired; otherwise a <see cref="RoomException"/> with a token-* code.</summary>
    public CheckInCode Read(string? token, SessionId sessionId)
    {
        byte[] payload;
        try
        {
            payload = token is { Length: > 0 and <= 1024 } ? _protector.Unprotect(Base64UrlTextEncoder.Decode(token)) : [];
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            payload = [];
        }

        if (payload.Length != PayloadLength || payload[0] != FormatVersion)
        {
            throw new RoomException(RoomErrors.TokenInvalid, "This is not a check-in code of this clinic. Scan the code on the room screen.");
        }

        var code = new CheckInCode(new SessionId(new Guid(payload.AsSpan(1, 16))), Base64UrlTextEncoder.Encode(payload[33..49]),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(17, 8))),
            DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(25, 8))));
        if (code.SessionId != sessionId)
        {
            throw new RoomException(RoomErrors.TokenWrongSession, "This code belongs to another session.");
        }

        var now = clock.GetUtcNow();
        if (now > code.ExpiresAt || code.IssuedAt > now + ClockSkew)
        {
            throw new RoomException(RoomErrors.TokenExpired, "This code has expired. Scan the code on the room screen again.");
        }

        return code;
    }
}
