using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;

namespace IopTelehealth.LoadTool;

/// <summary>
/// A chat line that carries its send time: "lt:{sender}:{stopwatch timestamp}:" padded to a fixed length. Every client
/// runs in this process, so one <see cref="Stopwatch"/> clock serves senders and recipients.
/// </summary>
internal static class ChatStamp
{
    private const string Prefix = "lt:";

    public static string Create(int sender, int length)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sender}:{Stopwatch.GetTimestamp()}:");
        return head.Length >= length ? head : head + new string('x', length - head.Length);
    }

    /// <summary>(sender, timestamp) of a stamped line, or null for any other text.</summary>
    public static (int Sender, long Timestamp)? Read(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[Prefix.Length..];
        var colon = rest.IndexOf(':');
        if (colon < 0 || !int.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var sender))
        {
            return null;
        }

        rest = rest[(colon + 1)..];
        colon = rest.IndexOf(':');
        return colon > 0 && long.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) ? (sender, timestamp) : null;
    }

    /// <summary>The same as <see cref="Read(ReadOnlySpan{char})"/> on UTF-8 bytes (the baseline client reads raw frames).</summary>
    public static (int Sender, long Timestamp)? Read(ReadOnlySpan<byte> utf8)
    {
        var start = utf8.IndexOf("\"lt:"u8);
        if (start < 0)
        {
            return null;
        }

        var rest = utf8[(start + 4)..];
        if (!Utf8Parser.TryParse(rest, out int sender, out var used) || rest[used] != (byte)':')
        {
            return null;
        }

        rest = rest[(used + 1)..];
        return Utf8Parser.TryParse(rest, out long timestamp, out used) && rest[used] == (byte)':' ? (sender, timestamp) : null;
    }
}
