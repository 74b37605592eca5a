using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>
/// Checks an SDP from a browser before anything reaches Janus: the expected type, at most 64 KB, and the shape of
/// SDP (starts with <c>v=0</c>, has an m-line). Janus parses SDP in C; we keep junk and oversized input away from it.
/// </summary>
internal static class SdpGuard
{
    public static void Check(SessionDescription? description, string expectedType)
    {
        if (description is null || !string.Equals(description.Type, expectedType, StringComparison.Ordinal))
        {
            throw new RoomException(RoomErrors.InvalidSdp, $"An SDP {expectedType} is expected here.");
        }

        var sdp = description.Sdp;
        if (string.IsNullOrEmpty(sdp) || sdp.Length > SessionDescription.MaxLength)
        {
            throw new RoomException(RoomErrors.InvalidSdp, $"The SDP must be between 1 and {SessionDescription.MaxLength} characters.");
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
