using System.Text;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// Checks an SDP from a browser before it goes anywhere (to Janus, or relayed to another browser): the expected type,
/// at most <see cref="SessionDescription.MaxBytes"/> UTF-8 bytes, and the shape of SDP (starts with <c>v=0</c>, has an
/// m-line, no NUL). Janus and browsers parse SDP in C/C++; junk and oversized input stay away from both.
/// </summary>
public static class SdpGuard
{
    public static void Check(SessionDescription? description, string expectedType)
    {
        if (description is null || !string.Equals(description.Type, expectedType, StringComparison.Ordinal))
        {
            throw new RoomException(RoomErrors.InvalidSdp, $"An SDP {expectedType} is expected here.");
        }

        var sdp = description.Sdp;
        // Length first: counting the bytes of a huge string is work an attacker should not get for free.
        if (string.IsNullOrEmpty(sdp) || sdp.Length > SessionDescription.MaxBytes || Encoding.UTF8.GetByteCount(sdp) > SessionDescription.MaxBytes)
        {
            throw new RoomException(RoomErrors.InvalidSdp, $"The SDP must be between 1 and {SessionDescription.MaxBytes} bytes.");
        }

        if (!sdp.StartsWith("v=0\r\n", StringComparison.Ordinal) && !sdp.StartsWith("v=0\n", StringComparison.Ordinal))
        {
            throw new RoomException(RoomErrors.InvalidSdp, "The SDP must start with v=0.");
        }

        if (!sdp.Contains("\nm=", StringComparison.Ordinal) || sdp.Contains('\0', StringComparison.Ordinal))
        {
            throw new RoomException(RoomErrors.InvalidSdp, "The SDP has no media section or holds a NUL character.");
        }
    }

    /// <summary>The (kind, mid) of each audio and video m-line, in order: moderation targets a published stream by mid.</summary>
    public static IReadOnlyList<(MediaKind Kind, string Mid)> MediaMids(string sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        var result = new List<(MediaKind, string)>();
        MediaKind? current = null;
        foreach (var rawLine in sdp.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                current = line.StartsWith("m=audio", StringComparison.Ordinal) ? MediaKind.Audio
                    : line.StartsWith("m=video", StringComparison.Ordinal) ? MediaKind.Video
                    : null;
            }
            else if (current is { } kind && line.StartsWith("a=mid:", StringComparison.Ordinal))
            {
                result.Add((kind, line["a=mid:".Length..].Trim()));
                current = null;
            }
        }

        return result;
    }
}
