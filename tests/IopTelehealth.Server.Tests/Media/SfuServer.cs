using IopTelehealth.Media.Janus.Options;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>
/// A server with the Janus SFU: the Janus the test script started (IOP_TEST_JANUS_WS, IOP_TEST_JANUS_API_SECRET,
/// IOP_TEST_JANUS_ADMIN_KEY), or a private one when running inside a test network namespace, where Janus can do ICE.
/// Anywhere else it fails saying how to run it: never skipped. Loopback candidates are allowed (tests only).
/// </summary>
public class SfuServer : IAsyncLifetime
{
    private JanusProcess? _janus;

    public IopServer Server { get; private set; } = null!;

    /// <summary>The Janus node the server uses, for tests that build media planes of their own.</summary>
    public JanusNodeOptions JanusNode { get; private set; } = null!;

    /// <summary>The Janus this fixture started (always, when <see cref="OwnJanus"/>): tests may kill and restart it.</summary>
    public JanusProcess Janus => _janus ?? throw new InvalidOperationException("This fixture uses the test script's Janus.");

    /// <summary>A Janus of its own even when the test script started one (a test that crashes Janus must not crash the others').</summary>
    protected virtual bool OwnJanus => false;

    public async ValueTask InitializeAsync()
    {
        var url = OwnJanus ? null : Environment.GetEnvironmentVariable("IOP_TEST_JANUS_WS");
        string apiSecret, adminKey;
        if (!string.IsNullOrWhiteSpace(url))
        {
            apiSecret = Environment.GetEnvironmentVariable("IOP_TEST_JANUS_API_SECRET") ?? throw Missing("IOP_TEST_JANUS_API_SECRET");
            adminKey = Environment.GetEnvironmentVariable("IOP_TEST_JANUS_ADMIN_KEY") ?? throw Missing("IOP_TEST_JANUS_ADMIN_KEY");
        }
        else if (JanusProcess.IceWorksHere())
        {
            _janus = await JanusProcess.StartAsync();
            (url, apiSecret, adminKey) = (_janus.WebSocketUrl.ToString(), _janus.ApiSecret, _janus.AdminKey);
        }
        else
        {
            throw new InvalidOperationException(
                "The SFU tests need Janus with working ICE, which it never does on a loopback interface. Run them through infra/test.sh " +
                "(as root), or inside a namespace made with infra/lib/netns.sh: ip netns exec <ns> dotnet test --project tests/IopTelehealth.Server.Tests.");
        }

        JanusNode = new JanusNodeOptions { Name = "test-janus", Url = url!, ApiSecret = apiSecret, AdminKey = adminKey };
        Server = new IopServer(new Dictionary<string, string?>
        {
            ["Media:Janus:Nodes:0:Name"] = "test-janus",
            ["Media:Janus:Nodes:0:Url"] = url,
            ["Media:Janus:Nodes:0:ApiSecret"] = apiSecret,
            ["Media:Janus:Nodes:0:AdminKey"] = adminKey,
            ["Media:Janus:AllowLoopbackCandidates"] = "true",
            ["Media:AllowLoopbackCandidates"] = "true",
        });
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (_janus is not null)
        {
            await _janus.DisposeAsync();
        }
    }

    private static InvalidOperationException Missing(string variable) => new($"IOP_TEST_JANUS_WS is set but {variable} is not.");
}

/// <summary>An SFU server whose Janus the tests may kill (-9) and start again.</summary>
public sealed class CrashableSfuServer : SfuServer
{
    protected override bool OwnJanus => true;
}
