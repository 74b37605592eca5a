using IopTelehealth.Media.Janus.Options;

namespace IopTelehealth.Media.Tests.Infrastructure;

/// <summary>
/// The Janus the VideoRoom tests share: the one the test script started (IOP_TEST_JANUS_WS, IOP_TEST_JANUS_API_SECRET,
/// IOP_TEST_JANUS_ADMIN_KEY), or else a private one when running inside the test namespace, where ICE works. Anywhere
/// else the tests fail with a message saying how to run them: never skipped.
/// </summary>
public sealed class JanusFixture : IAsyncLifetime
{
    public const string WebSocketVariable = "IOP_TEST_JANUS_WS";
    public const string ApiSecretVariable = "IOP_TEST_JANUS_API_SECRET";
    public const string AdminKeyVariable = "IOP_TEST_JANUS_ADMIN_KEY";

    private JanusProcess? _private;

    public JanusNodeOptions Node { get; private set; } = new();

    public async ValueTask InitializeAsync()
    {
        var url = Environment.GetEnvironmentVariable(WebSocketVariable);
        if (!string.IsNullOrWhiteSpace(url))
        {
            Node = new JanusNodeOptions
            {
                Name = "test-janus",
                Url = url,
                ApiSecret = Environment.GetEnvironmentVariable(ApiSecretVariable) ?? throw Missing(ApiSecretVariable),
                AdminKey = Environment.GetEnvironmentVariable(AdminKeyVariable) ?? throw Missing(AdminKeyVariable),
            };
            return;
        }

        if (!JanusProcess.IceWorksHere())
        {
            throw new InvalidOperationException(
                "The Janus tests need ICE, which Janus never does on a loopback interface. Run them through infra/test.sh " +
                "(as root: it creates the test network namespace and starts Janus), or inside a namespace made with " +
                "infra/lib/netns.sh: ip netns exec <ns> dotnet test --project tests/IopTelehealth.Media.Tests. " +
                $"Or set {WebSocketVariable}, {ApiSecretVariable} and {AdminKeyVariable} to a Janus started by infra/lib/janus.sh there.");
        }

        _private = await JanusProcess.StartAsync();
        Node = new JanusNodeOptions { Name = "test-janus", Url = _private.WebSocketUrl.ToString(), ApiSecret = _private.ApiSecret, AdminKey = _private.AdminKey };
    }

    public async ValueTask DisposeAsync()
    {
        if (_private is not null)
        {
            await _private.DisposeAsync();
        }
    }

    private static InvalidOperationException Missing(string variable) => new($"{WebSocketVariable} is set but {variable} is not.");
}
