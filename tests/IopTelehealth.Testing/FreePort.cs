using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IopTelehealth.Testing;

public static class FreePort
{
    // The OS may hand the port it just took back out again to the next bind on port 0: two picks in a row once gave
    // Janus the same port for its WebSocket and HTTP transports, and it died at start. A port is handed out once per process.
    private static readonly ConcurrentDictionary<int, byte> TcpGiven = new();
    private static readonly ConcurrentDictionary<int, byte> UdpGiven = new();

    /// <summary>
    /// A loopback port the OS just handed out. Servers under test must know their URL before they start (the issuer URL,
    /// a redis-server's --port), so the port is chosen here rather than by binding to port 0 inside them.
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (TcpGiven.TryAdd(port, 0))
            {
                return port;
            }
        }
    }

    /// <summary>A loopback UDP port the OS just handed out (TURN, RTP test peers).</summary>
    public static int Udp()
    {
        while (true)
        {
            using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
            if (UdpGiven.TryAdd(port, 0))
            {
                return port;
            }
        }
    }
}
