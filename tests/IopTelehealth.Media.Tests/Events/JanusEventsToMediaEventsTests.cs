using System.Collections.Concurrent;
using System.Text.Json;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Events;
using IopTelehealth.Media.Tests.Infrastructure;
using IopTelehealth.Testing.WebRtc;
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
        var posted = new ConcurrentQueue<string>();
        // Janus posts from its start, before the sink (which needs the plane's handles) exists: those posts wait for it.
        var sinkReady = new TaskCompletionSource<JanusEventSink>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = new EventBackend(async (request, stopping) =>
        {
            using var document = await JsonDocument.ParseAsync(request.InputStream, cancellationToken: stopping);
            posted.Enqueue(document.RootElement.GetRawText());
            await (await sinkReady.Task.WaitAsync(stopping)).AcceptAsync(document.RootElement, stopping);
        });
        await using var media = await PrivateMediaPlane.StartAsync("evh", backend.Url("/events"), "events-secret-0123456789");
        var (plane, listener) = (media.Plane, media.Listener);
        sinkReady.SetResult(new JanusEventSink(media.Handles, [listener], TimeProvider.System, NullLogger<JanusEventSink>.Instance));
        var session = new SessionId(Guid.NewGuid());
        await plane.EnsureRoomAsync(session, 4, Ct);
        var patient = ParticipantId.New();
        await using var peer = new TestPeer();

        var answer = await plane.PublishAsync(session, patient, MediaOwners.Page, peer.Offer(), Ct);
        await peer.ConnectAsync(answer, weOffered: true, TimeSpan.FromSeconds(20));
        await Polling.UntilAsync(() => Task.FromResult(listener.Events.Any(e => e.Kind == MediaEventKind.Up)), TimeSpan.FromSeconds(15), () => "no Up event; posted: " + string.Join("\n", posted));
        await plane.RemoveParticipantAsync(session, patient, Ct);
        await Polling.UntilAsync(() => Task.FromResult(listener.Events.Any(e => e.Kind == MediaEventKind.Down)), TimeSpan.FromSeconds(15), () => "no Down event; posted: " + string.Join("\n", posted));

        var up = listener.Events.First(e => e.Kind == MediaEventKind.Up);
        Assert.Equal((session, patient, MediaLeg.Publisher), (up.SessionId, up.ParticipantId, up.Leg));
        Assert.Contains(listener.Events, e => e.Kind == MediaEventKind.Down && e.ParticipantId == patient);
    }
}
