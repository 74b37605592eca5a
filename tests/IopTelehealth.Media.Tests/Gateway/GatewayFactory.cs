using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Media.Tests.Gateway;

internal static class GatewayFactory
{
    public static JanusGateway For(JanusProcess janus, string? apiSecret = null, TimeSpan? keepalive = null) => new(
        new JanusNodeOptions { Name = "test", Url = janus.WebSocketUrl.ToString(), ApiSecret = apiSecret ?? janus.ApiSecret, AdminKey = janus.AdminKey },
        new JanusGatewayOptions { KeepaliveInterval = keepalive ?? TimeSpan.FromSeconds(20), RequestTimeout = TimeSpan.FromSeconds(5) },
        NullLogger<JanusGateway>.Instance);
}
