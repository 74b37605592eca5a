using IopTelehealth.Testing;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>
/// The embedded default's media: mesh, browser to browser. Chromium's candidates are 127.0.0.1 (test namespace,
/// --allow-loopback-in-peer-connection), which the server refuses unless told otherwise (tests only).
/// </summary>
public sealed class MeshAppFixture : WebAppFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>?> ServerSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?> { ["Media:AllowLoopbackCandidates"] = "true" });
}

/// <summary>
/// The server with a Janus SFU of its own: a private Janus (JanusProcess, the project's configuration templates) that
/// the restart test may kill and start again on the same port. ICE with Janus works only inside the test network
/// namespace (infra/lib/netns.sh): outside it this fixture fails, naming the reason.
/// </summary>
public class SfuAppFixture : WebAppFixture
{
    public JanusProcess Janus { get; private set; } = default!;

    protected override async Task<IReadOnlyDictionary<string, string?>?> ServerSettingsAsync()
    {
        if (!JanusProcess.IceWorksHere())
        {
            throw new InvalidOperationException(
                "Janus ICE needs the test network namespace (a veth jl0 holding 127.0.0.1): run these tests through infra/test.sh " +
                "or inside `ip netns exec <ns>` as infra/README.md shows.");
        }

        Janus = await JanusProcess.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Media:Janus:Nodes:0:Name"] = "janus-e2e",
            ["Media:Janus:Nodes:0:Url"] = Janus.WebSocketUrl.ToString(),
            ["Media:Janus:Nodes:0:ApiSecret"] = Janus.ApiSecret,
            ["Media:Janus:Nodes:0:AdminKey"] = Janus.AdminKey,
            ["Media:AllowLoopbackCandidates"] = "true",
        };
    }

    protected override async ValueTask DisposeServicesAsync()
    {
        if (Janus is not null)
        {
            await Janus.DisposeAsync();
        }
    }
}

/// <summary>A second SFU server and Janus for the restart test, which kills its Janus (so no other test shares it).</summary>
public sealed class RestartableSfuAppFixture : SfuAppFixture;
