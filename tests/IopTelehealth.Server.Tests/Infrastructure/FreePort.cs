using System.Net;
using System.Net.Sockets;

namespace IopTelehealth.Server.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>
    /// A loopback port the OS just handed out. The issuer URL must be known before the host starts,
    /// so the port is chosen here rather than by binding to port 0 inside Kestrel.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
