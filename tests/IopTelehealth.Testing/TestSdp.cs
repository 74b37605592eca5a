using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IopTelehealth.Domain.Media;

namespace IopTelehealth.Testing;

/// <summary>
/// Minimal but valid WebRTC SDP, as a browser would send it: ICE credentials, a DTLS fingerprint, setup, BUNDLE,
/// rtcp-mux, a mid per m-line and Opus / VP8. Janus answers such an offer even when ICE never completes.
/// </summary>
public static class TestSdp
{
    public static SessionDescription Offer(bool video = true, string? fingerprint = null, string? ufrag = null, string? pwd = null, string? candidate = null)
    {
        var sdp = new StringBuilder()
            .Append("v=0\r\n")
            .Append(CultureInfo.InvariantCulture, $"o=- {RandomNumberGenerator.GetInt32(1, int.MaxValue)} 2 IN IP4 127.0.0.1\r\n")
            .Append("s=-\r\nt=0 0\r\n")
            .Append(video ? "a=group:BUNDLE 0 1\r\n" : "a=group:BUNDLE 0\r\n")
            .Append("a=msid-semantic: WMS test\r\n");
        var ice = Ice(fingerprint, ufrag, pwd, "actpass", candidate);
        sdp.Append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n").Append(ice)
            .Append("a=mid:0\r\na=sendonly\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n")
            .Append("a=ssrc:11111111 cname:test\r\na=ssrc:11111111 msid:test audio0\r\n");
        if (video)
        {
            sdp.Append("m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\n").Append(ice)
                .Append("a=mid:1\r\na=sendonly\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\na=rtcp-fb:96 ccm fir\r\n")
                .Append("a=ssrc:22222222 cname:test\r\na=ssrc:22222222 msid:test video0\r\n");
        }

        return new SessionDescription("offer", sdp.ToString());
    }

    /// <summary>An answer to a subscriber offer from Janus: every m-line accepted receive-only with the offered codecs.</summary>
    public static SessionDescription AnswerTo(SessionDescription offer, string? fingerprint = null, string? ufrag = null, string? pwd = null, string? candidate = null)
    {
        var lines = offer.Sdp.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var sdp = new StringBuilder("v=0\r\n").Append(CultureInfo.InvariantCulture, $"o=- {RandomNumberGenerator.GetInt32(1, int.MaxValue)} 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        sdp.Append(lines.FirstOrDefault(l => l.StartsWith("a=group:BUNDLE", StringComparison.Ordinal)) is { } bundle ? bundle + "\r\n" : "");
        var ice = Ice(fingerprint, ufrag, pwd, "active", candidate);
        foreach (var section in Sections(lines))
        {
            sdp.Append(section[0]).Append("\r\nc=IN IP4 0.0.0.0\r\n");
            if (section[0].StartsWith("m=application", StringComparison.Ordinal) || section[0].Split(' ')[1] == "0")
            {
                sdp.Append(string.Concat(section.Where(l => l.StartsWith("a=mid:", StringComparison.Ordinal)).Select(l => l + "\r\n"))).Append("a=inactive\r\n");
                continue;
            }

            sdp.Append(ice).Append("a=recvonly\r\na=rtcp-mux\r\n");
            foreach (var line in section.Where(l => l.StartsWith("a=mid:", StringComparison.Ordinal) || l.StartsWith("a=rtpmap:", StringComparison.Ordinal) || l.StartsWith("a=fmtp:", StringComparison.Ordinal)))
            {
                sdp.Append(line).Append("\r\n");
            }
        }

        return new SessionDescription("answer", sdp.ToString());
    }

    public static string RandomFingerprint() => string.Join(':', RandomNumberGenerator.GetBytes(32).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    private static string Ice(string? fingerprint, string? ufrag, string? pwd, string setup, string? candidate) =>
        $"a=ice-ufrag:{ufrag ?? "test" + RandomNumberGenerator.GetInt32(1000, 9999)}\r\n" +
        $"a=ice-pwd:{pwd ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(12))}\r\n" +
        "a=ice-options:trickle\r\n" +
        $"a=fingerprint:sha-256 {fingerprint ?? RandomFingerprint()}\r\n" +
        $"a=setup:{setup}\r\n" +
        (candidate is null ? "" : $"a=candidate:{candidate}\r\na=end-of-candidates\r\n");

    private static IEnumerable<List<string>> Sections(string[] lines)
    {
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = [line];
            }
            else
            {
                current?.Add(line);
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
