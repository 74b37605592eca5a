using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using IopTelehealth.Media.Tests.Gateway;
using IopTelehealth.Media.Tests.Infrastructure;

namespace IopTelehealth.Media.Tests.Events;

/// <summary>
/// The event handler configuration of infra/janus: a real Janus posts its events to the backend URL and shared secret
/// that render-config.sh wrote, with HTTP basic authentication, as JSON arrays that carry the handle ids.
/// </summary>
public sealed class SampleEventHandlerTests
{
    [Fact]
    public async Task Janus_posts_handle_events_to_the_configured_backend_with_basic_authentication()
    {
        var secret = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var posts = new ConcurrentQueue<(string? Authorization, JsonNode? Body)>();
        await using var backend = new EventBackend(async (request, stopping) =>
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            posts.Enqueue((request.Headers["Authorization"], JsonNode.Parse(await reader.ReadToEndAsync(stopping))));
        });
        await using var janus = await JanusProcess.StartAsync(eventsBackend: backend.Url("/internal/janus/events"), eventsSecret: secret);
        await using var gateway = GatewayFactory.For(janus);

        var handle = await gateway.AttachAsync("janus.plugin.videoroom", TestContext.Current.CancellationToken);

        await Polling.UntilAsync(
            () => Task.FromResult(posts.Any(post => Events(post.Body).Any(e => e?["handle_id"]?.GetValue<long>() == handle.Id))),
            TimeSpan.FromSeconds(15),
            () => $"no event for handle {handle.Id} among {posts.Count} posts");
        var post = posts.First(post => Events(post.Body).Any(e => e?["handle_id"]?.GetValue<long>() == handle.Id));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("janus:" + secret)), post.Authorization);
        var attached = Events(post.Body).First(e => e?["handle_id"]?.GetValue<long>() == handle.Id)!;
        Assert.Equal(2, attached["type"]!.GetValue<int>());
        Assert.Equal("attached", attached["event"]!["name"]!.GetValue<string>());
    }

    private static JsonArray Events(JsonNode? body) => body as JsonArray ?? [];
}
