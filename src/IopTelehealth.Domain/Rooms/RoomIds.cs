using System.Security.Cryptography;

namespace IopTelehealth.Domain.Rooms;

/// <summary>The group session a room belongs to (the <c>GroupSession</c> id).</summary>
public readonly record struct SessionId(Guid Value)
{
    public override string ToString() => Value.ToString("N");
}

/// <summary>
/// A participant's id inside one room. Random and room-local: peers learn nothing (no account id) from it,
/// and the same person gets the same id back when they reconnect within the grace window.
/// </summary>
public readonly record struct ParticipantId(string Value)
{
    public static ParticipantId New() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant());

    public override string ToString() => Value;
}
