using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IopTelehealth.Media.Tests.Gateway;

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
        var port = FreePort.Next();
        var secret = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var posts = new ConcurrentQueue<(string? Authorization, JsonNode? Body)>();
        var receiving = ReceiveAsync(listener, posts);
        await using var janus = await JanusProcess.StartAsync(eventsBackend: $"http://127.0.0.1:{port}/internal/janus/events", eventsSecret: secret);
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
        listener.Stop();
        await receiving;
    }

    private static JsonArray Events(JsonNode? body) => body as JsonArray ?? [];

    private static async Task ReceiveAsync(HttpListener listener, ConcurrentQueue<(string?, JsonNode?)> posts)
    {
        try
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    posts.Enqueue((context.Request.Headers["Authorization"], JsonNode.Parse(await reader.ReadToEndAsync())));
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }
}
