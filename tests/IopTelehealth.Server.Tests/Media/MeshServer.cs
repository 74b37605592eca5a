using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>A mesh server (no Janus) with STUN and TURN configured and a mesh limit of 3, so the limit is reachable with the demo group.</summary>
public sealed class MeshServer() : IopServer(new Dictionary<string, string?>
{
    ["Media:MeshSizeLimit"] = MeshServer.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Media:IceServers:0:Urls:0"] = MeshServer.Stun,
    ["Media:Turn:Urls:0"] = MeshServer.Turn,
    ["Media:Turn:Secret"] = MeshServer.TurnSecret,
})
{
    public const int Limit = 3;
    public const string Stun = "stun:127.0.0.1:3478";
    public const string Turn = "turn:127.0.0.1:3478?transport=udp";
    public const string TurnSecret = "mesh-test-turn-secret-0123456789abcdef";
}
