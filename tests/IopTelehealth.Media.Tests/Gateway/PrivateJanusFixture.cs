
namespace IopTelehealth.Media.Tests.Gateway;

/// <summary>
/// A Janus of the gateway tests' own (they kill and restart it), with a 10 s session timeout so that a keepalive test
/// finishes quickly. The gateway tests need no ICE, so this Janus also runs outside the test namespace.
/// </summary>
public sealed class PrivateJanusFixture : IAsyncLifetime
{
    public const int SessionTimeoutSeconds = 10;

    public JanusProcess Janus { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Janus = await JanusProcess.StartAsync(SessionTimeoutSeconds);

    public async ValueTask DisposeAsync() => await Janus.DisposeAsync();
}
