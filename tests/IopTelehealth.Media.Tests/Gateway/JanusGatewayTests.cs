using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Tests.Gateway;

/// <summary>The gateway client against a real Janus: sessions, handles, synchronous and asynchronous requests, both error levels.</summary>
public sealed class JanusGatewayTests(PrivateJanusFixture fixture) : IClassFixture<PrivateJanusFixture>
{
    private const string VideoRoom = "janus.plugin.videoroom";

    [Fact]
    public async Task Creates_lists_and_destroys_a_room_through_a_videoroom_handle()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        var room = Random.Shared.NextInt64(1_000_000, 1L << 40);

        var created = await handle.RequestAsync(new() { ["request"] = "create", ["admin_key"] = fixture.Janus.AdminKey, ["room"] = room, ["secret"] = "s3cret", ["is_private"] = true }, TestContext.Current.CancellationToken);
        var exists = await handle.RequestAsync(new() { ["request"] = "exists", ["room"] = room }, TestContext.Current.CancellationToken);
        var listed = await handle.RequestAsync(new() { ["request"] = "list", ["admin_key"] = fixture.Janus.AdminKey }, TestContext.Current.CancellationToken);
        var destroyed = await handle.RequestAsync(new() { ["request"] = "destroy", ["room"] = room, ["secret"] = "s3cret" }, TestContext.Current.CancellationToken);
        var after = await handle.RequestAsync(new() { ["request"] = "exists", ["room"] = room }, TestContext.Current.CancellationToken);

        Assert.Equal("created", created.Kind);
        Assert.True(exists.Data["exists"]!.GetValue<bool>());
        Assert.Contains(listed.Data["list"]!.AsArray(), r => r!["room"]!.GetValue<long>() == room);
        Assert.Equal("destroyed", destroyed.Kind);
        Assert.False(after.Data["exists"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Creating_a_room_with_a_wrong_admin_key_is_a_plugin_error()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<JanusException>(() => handle.RequestAsync(new() { ["request"] = "create", ["room"] = 4242, ["admin_key"] = "wrong-key" }, TestContext.Current.CancellationToken));

        Assert.Equal(JanusErrorLevel.Plugin, error.Level);
        Assert.Equal(JanusErrorCodes.VideoRoomUnauthorized, error.Code);
    }

    [Fact]
    public async Task An_asynchronous_join_to_a_missing_room_fails_with_the_plugin_error_code_after_the_ack()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<JanusException>(() =>
            handle.MessageAsync(new() { ["request"] = "join", ["ptype"] = "publisher", ["room"] = 987654321 }, null, TestContext.Current.CancellationToken));

        Assert.Equal(JanusErrorLevel.Plugin, error.Level);
        Assert.Equal(JanusErrorCodes.VideoRoomNoSuchRoom, error.Code);
    }

    [Fact]
    public async Task An_asynchronous_join_answers_with_its_event_after_the_ack()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus);
        var admin = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);
        var room = Random.Shared.NextInt64(1_000_000, 1L << 40);
        await admin.RequestAsync(new() { ["request"] = "create", ["admin_key"] = fixture.Janus.AdminKey, ["room"] = room }, TestContext.Current.CancellationToken);
        var publisher = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);

        var joined = await publisher.MessageAsync(new() { ["request"] = "join", ["ptype"] = "publisher", ["room"] = room, ["id"] = 77 }, null, TestContext.Current.CancellationToken);

        Assert.Equal("joined", joined.Kind);
        Assert.Equal(77, joined.Data["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Attaching_to_an_unknown_plugin_is_a_core_error()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus);

        var error = await Assert.ThrowsAsync<JanusException>(() => gateway.AttachAsync("janus.plugin.nope", TestContext.Current.CancellationToken));

        Assert.Equal(JanusErrorLevel.Core, error.Level);
        Assert.Equal(460, error.Code);
    }

    [Fact]
    public async Task A_wrong_api_secret_is_a_core_error_403()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus, apiSecret: "wrong-secret");

        var error = await Assert.ThrowsAsync<JanusException>(() => gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken));

        Assert.Equal(JanusErrorLevel.Core, error.Level);
        Assert.Equal(JanusErrorCodes.Unauthorized, error.Code);
    }

    [Fact]
    public async Task A_detached_handle_refuses_further_requests_without_asking_janus()
    {
        await using var gateway = GatewayFactory.For(fixture.Janus);
        var handle = await gateway.AttachAsync(VideoRoom, TestContext.Current.CancellationToken);

        await handle.DetachAsync(TestContext.Current.CancellationToken);

        Assert.False(handle.IsAlive);
        var error = await Assert.ThrowsAsync<JanusException>(() => handle.RequestAsync(new() { ["request"] = "list" }, TestContext.Current.CancellationToken));
        Assert.Equal(JanusErrorCodes.HandleNotFound, error.Code);
    }

    [Fact]
    public void Reconnect_delays_double_from_1_to_32_seconds()
    {
        var options = new JanusGatewayOptions();

        var delays = Enumerable.Range(1, 8).Select(attempt => options.ReconnectDelay(attempt).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 32, 32, 32], delays);
    }
}
