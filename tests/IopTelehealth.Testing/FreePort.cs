using System.Net;
using System.Net.Sockets;

namespace IopTelehealth.Testing;

public static class FreePort
{
    /// <summary>
    /// A loopback port the OS just handed out. Servers under test must know their URL before they start (the issuer URL,
    /// a redis-server's --port), so the port is chosen here rather than by binding to port 0 inside them.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A loopback UDP port the OS just handed out (TURN, RTP test peers).</summary>
    public static int Udp()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
