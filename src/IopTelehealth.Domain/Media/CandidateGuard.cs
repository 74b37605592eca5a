using System.Net;
using System.Net.Sockets;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// Checks a trickled ICE candidate before Janus or another browser sees it. Janus (or the peer) would send connectivity
/// checks to whatever address a candidate names, so a browser could point them at cloud metadata (169.254.169.254),
/// link-local or multicast addresses, or the server's own loopback services. mDNS names (<c>*.local</c>) are fine: Janus
/// ignores them (ignore_mdns) and browsers resolve them on their own network. Loopback is allowed only when
/// configuration says so (tests). Private (RFC 1918) addresses are allowed: clinics' LANs use them.
/// </summary>
public static class CandidateGuard
{
    public const int MaxLength = 1024;

    public static void Check(IceCandidate? candidate, bool allowLoopback)
    {
        if (candidate is null)
        {
            throw Invalid("A candidate is required.");
        }

        if (candidate.Candidate.Length == 0)
        {
            return; // End of candidates.
        }

        if (candidate.Candidate.Length > MaxLength || candidate.SdpMid is { Length: > 64 } || candidate.SdpMLineIndex is < 0 or > 64)
        {
            throw Invalid("The candidate is too long or names an impossible m-line.");
        }

        // candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> ...
        var text = candidate.Candidate.StartsWith("candidate:", StringComparison.Ordinal) ? candidate.Candidate : "candidate:" + candidate.Candidate;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 8 || parts[6] != "typ" || !int.TryParse(parts[5], out var port) || port is < 1 or > 65535)
        {
            throw Invalid("The candidate is not an ICE candidate line.");
        }

        var address = parts[4];
        if (address.EndsWith(".local", StringComparison.OrdinalIgnoreCase) && !address.Contains(':', StringComparison.Ordinal))
        {
            return;
        }

        if (!IPAddress.TryParse(address, out var ip))
        {
            throw Invalid("The candidate's address is neither an IP address nor an mDNS name.");
        }

        if (Forbidden(ip, allowLoopback))
        {
            throw Invalid("The candidate's address is not allowed.");
        }
    }

    public static bool Forbidden(IPAddress ip, bool allowLoopback)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip))
        {
            return !allowLoopback;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return b[0] == 0                       // 0.0.0.0/8 "this network", unspecified
                || (b[0] == 169 && b[1] == 254)    // link-local, cloud metadata 169.254.169.254
                || b[0] >= 224;                    // multicast 224/4, reserved 240/4, broadcast
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.Equals(IPAddress.IPv6None) || ip.Equals(IPAddress.IPv6Any)
                || ip.IsIPv6LinkLocal || ip.IsIPv6Multicast || ip.IsIPv6SiteLocal;
        }

        return true;
    }

    private static RoomException Invalid(string message) => new(RoomErrors.InvalidCandidate, message);
}
