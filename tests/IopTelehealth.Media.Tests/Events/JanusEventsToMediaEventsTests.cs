using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Events;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using IopTelehealth.Media.Janus.VideoRoom;
using IopTelehealth.Media.Tests.Infrastructure;
using IopTelehealth.Media.Tests.Infrastructure.WebRtc;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Media.Tests.Events;

/// <summary>
/// What Janus 1.1.2 really posts, through <see cref="JanusEventSink"/>: a publisher's PeerConnection coming up is
/// reported as <see cref="MediaEventKind.Up"/> for that participant, and its end after removal (Janus posts the handle's
/// "detached") as Down.
/// (The server endpoint in front of the sink, with its authentication, is tested in the server tests.)
/// </summary>
public sealed class JanusEventsToMediaEventsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Webrtcup_and_hangup_posted_by_janus_become_the_participants_media_events()
    {
        Assert.True(JanusProcess.IceWorksHere(), "Run inside the test network namespace (infra/test.sh; see docs/media-janus.md): publishing needs ICE.");
        var port = FreePort.Tcp();
        using var backend = new HttpListener();
        backend.Prefixes.Add($"http://127.0.0.1:{port}/");
        backend.Start();
        await using var janus = await JanusProcess.StartAsync(eventsBackend: $"http://127.0.0.1:{port}/events", eventsSecret: "events-secret-0123456789");
        var node = new JanusNodeOptions { Name = "evh", Url = janus.WebSocketUrl.ToString(), ApiSecret = janus.ApiSecret, AdminKey = janus.AdminKey };
        var options = new JanusMediaOptions { Nodes = [node] };
        await using var pool = new JanusGatewayPool(options.Nodes, new JanusGatewayOptions(), NullLoggerFactory.Instance);
        var handles = new MediaHandleRegistry();
        var listener = new RecordingMediaListener();
        var sink = new JanusEventSink(handles, [listener], TimeProvider.System, NullLogger<JanusEventSink>.Instance);
        var posted = new ConcurrentQueue<string>();
        var forwarding = ForwardAsync(backend, sink, posted);
        await using var plane = new JanusVideoRoomMediaPlane(pool, new InMemoryMediaRoomDirectory(), [], handles, options, TimeProvider.System, NullLogger<JanusVideoRoomMediaPlane>.Instance);
        var session = new SessionId(Guid.NewGuid());
        await plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        await using var peer = new TestPeer();

        var answer = await plane.PublishAsync(session, patient, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, TimeSpan.FromSeconds(20));
        await Polling.UntilAsync(() => Task.FromResult(listener.Events.Any(e => e.Kind == MediaEventKind.Up)), TimeSpan.FromSeconds(15), () => "no Up event; posted: " + string.Join("\n", posted));
        await plane.RemoveParticipantAsync(session, patient, Ct);
        await Polling.UntilAsync(() => Task.FromResult(listener.Events.Any(e => e.Kind == MediaEventKind.Down)), TimeSpan.FromSeconds(15), () => "no Down event; posted: " + string.Join("\n", posted));

        var up = listener.Events.First(e => e.Kind == MediaEventKind.Up);
        Assert.Equal((session, patient, MediaLeg.Publisher), (up.SessionId, up.ParticipantId, up.Leg));
        Assert.Contains(listener.Events, e => e.Kind == MediaEventKind.Down && e.ParticipantId == patient);
        backend.Stop();
        await forwarding;
    }

    private static async Task ForwardAsync(HttpListener backend, JanusEventSink sink, ConcurrentQueue<string> posted)
    {
        try
        {
            while (backend.IsListening)
            {
                var context = await backend.GetContextAsync();
                using (var document = await JsonDocument.ParseAsync(context.Request.InputStream))
                {
                    posted.Enqueue(document.RootElement.GetRawText());
                    await sink.AcceptAsync(document.RootElement);
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
