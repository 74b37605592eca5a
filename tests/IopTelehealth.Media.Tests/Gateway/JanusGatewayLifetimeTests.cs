using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Tests.Gateway;

/// <summary>Keepalive and reconnect: each test has its own Janus (one is killed), with a 10 s session timeout.</summary>
public sealed class JanusGatewayLifetimeTests
{
    private const string VideoRoom = "janus.plugin.videoroom";

    [Fact]
    public async Task Keepalives_hold_the_session_past_janus_session_timeout()
    {
        // Generous margins: the test machine may be busy, and a late keepalive would fail the test for the wrong reason.
        await using var janus = await JanusProcess.StartAsync(sessionTimeoutSeconds: 8);
        await using var gateway = GatewayFactory.For(janus, keepalive: TimeSpan.FromSeconds(2));
        var recreated = 0;
        gateway.SessionRecreated += (_, _) => Interlocked.Increment(ref recreated);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        var session = gateway.SessionId;

        await Task.Delay(TimeSpan.FromSeconds(14), TestContext.Current.CancellationToken);

        Assert.True(handle.IsAlive);
        var list = await handle.RequestAsync(new() { ["request"] = "list" }, TestContext.Current.CancellationToken);
        Assert.Equal("success", list.Kind);
        Assert.Equal(session, gateway.SessionId);
        Assert.Equal(0, recreated);
    }

    [Fact]
    public async Task Without_keepalives_janus_drops_the_session_and_the_gateway_creates_a_new_one()
    {
        await using var janus = await JanusProcess.StartAsync(sessionTimeoutSeconds: 5);
        // Longer than the session timeout: Janus times the session out (Janus checks every 2 s or so).
        await using var gateway = GatewayFactory.For(janus, keepalive: TimeSpan.FromSeconds(25));
        var recreated = new TaskCompletionSource<JanusSessionRecreatedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.SessionRecreated += (_, e) => recreated.TrySetResult(e);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        var session = gateway.SessionId;

        var e = await recreated.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.NotEqual(session, e.SessionId);
        Assert.False(handle.IsAlive);
        var again = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        Assert.True(again.IsAlive);
    }

    [Fact]
    public async Task After_janus_is_killed_and_restarted_the_gateway_reconnects_with_a_new_session_and_says_so()
    {
        await using var janus = await JanusProcess.StartAsync();
        await using var gateway = GatewayFactory.For(janus);
        var recreated = new TaskCompletionSource<JanusSessionRecreatedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway.SessionRecreated += (_, e) => recreated.TrySetResult(e);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        var session = gateway.SessionId;

        await janus.KillAsync();
        var started = DateTime.UtcNow;
        var failed = await Assert.ThrowsAsync<JanusException>(() => handle.RequestAsync(new() { ["request"] = "list" }, TestContext.Current.CancellationToken));
        var failedAfter = DateTime.UtcNow - started;
        await janus.RestartAsync();
        var e = await recreated.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Refused at once (the handle died with the connection, or the socket is found closed), not after the request timeout.
        Assert.NotEqual(JanusErrorLevel.Plugin, failed.Level);
        Assert.True(failedAfter < TimeSpan.FromSeconds(4), $"the request failed only after {failedAfter}");
        Assert.NotEqual(session, e.SessionId);
        Assert.Equal("test", e.Node);
        var again = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        var list = await again.RequestAsync(new() { ["request"] = "list" }, TestContext.Current.CancellationToken);
        Assert.Equal("success", list.Kind);
    }
}
