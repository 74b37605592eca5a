using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>
/// The VideoRoom's numeric participant id for a <see cref="ParticipantId"/>, computed the same way on every server
/// node (so any node can moderate or kick). Room participant ids are 12 hex digits (48 bits) and map as they are;
/// anything else is hashed. Kept below 2^53 so JSON tooling reading Janus output never rounds it.
/// </summary>
internal static class FeedIds
{
    private const long Limit = 1L << 53;

    public static long For(ParticipantId participantId)
    {
        var value = participantId.Value ?? "";
        if (value.Length is > 0 and <= 12 && long.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var direct) && direct > 0)
        {
            return direct;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        var number = BitConverter.ToInt64(hash, 0) & (Limit - 1);
        // 2^48 and up: never equal to a directly mapped id.
        return number < (1L << 48) ? number + (1L << 48) : number;
    }
}
