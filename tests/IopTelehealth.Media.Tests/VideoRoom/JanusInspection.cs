using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>Looks at Janus directly, the way an operator would: who is in a room, does it exist, what events does a participant get.</summary>
internal static class JanusInspection
{
    public static async Task<IJanusHandle> HandleAsync(this VideoRoomFixture fixture) =>
        await fixture.Inspector.AttachAsync("janus.plugin.videoroom", TestContext.Current.CancellationToken);

    public static async Task<JsonArray> ParticipantsAsync(this VideoRoomFixture fixture, MediaPlacement placement)
    {
        var handle = await fixture.HandleAsync();
        var reply = await handle.RequestAsync(new() { ["request"] = "listparticipants", ["room"] = placement.RoomNumber }, TestContext.Current.CancellationToken);
        await handle.DetachAsync(TestContext.Current.CancellationToken);
        return reply.Data["participants"]!.AsArray();
    }

    /// <summary>
    /// The room's participants once <paramref name="feed"/> is listed as publishing. Janus, the DTLS client of a publisher,
    /// finishes the handshake after the publishing side does, and lists the feed as publishing only then.
    /// </summary>
    public static async Task<JsonArray> ListedAsPublishingAsync(this VideoRoomFixture fixture, MediaPlacement placement, long feed)
    {
        JsonArray participants = [];
        await Polling.UntilAsync(
            async () => (participants = await fixture.ParticipantsAsync(placement)).Any(p => p!["id"]!.GetValue<long>() == feed && p["publisher"]!.GetValue<bool>()),
            TimeSpan.FromSeconds(10),
            () => $"feed {feed} is not listed as publishing: {participants.ToJsonString()}");
        return participants;
    }

    /// <summary>
    /// Whether Janus still has a handle of the plane's session: a request addressed to it from this other connection (Janus
    /// finds sessions by id, whatever the transport) answers "no such handle" (459) once the handle is gone.
    /// </summary>
    public static async Task<bool> JanusHasHandleAsync(this VideoRoomFixture fixture, long janusSession, long handle, MediaPlacement placement)
    {
        await fixture.Inspector.WaitReadyAsync(TestContext.Current.CancellationToken);
        try
        {
            var exists = new JsonObject { ["request"] = "exists", ["room"] = placement.RoomNumber };
            await fixture.Inspector.SendAsync(new() { ["janus"] = "message", ["session_id"] = janusSession, ["handle_id"] = handle, ["body"] = exists }, expectEvent: false, TestContext.Current.CancellationToken);
            return true;
        }
        catch (JanusException e) when (e.Level == JanusErrorLevel.Core && e.Code == JanusErrorCodes.HandleNotFound)
        {
            return false;
        }
    }

    public static async Task<JsonObject?> ListedRoomAsync(this VideoRoomFixture fixture, MediaPlacement placement)
    {
        var handle = await fixture.HandleAsync();
        var reply = await handle.RequestAsync(new() { ["request"] = "list", ["admin_key"] = fixture.Node.AdminKey }, TestContext.Current.CancellationToken);
        await handle.DetachAsync(TestContext.Current.CancellationToken);
        return reply.Data["list"]!.AsArray().OfType<JsonObject>().FirstOrDefault(room => room["room"]!.GetValue<long>() == placement.RoomNumber);
    }

    /// <summary>
    /// A participant that only listens, joined with the room's pin from the directory; collects what Janus pushes to
    /// participants (moderation, leaving, kicked, destroyed).
    /// </summary>
    public static async Task<(IJanusHandle Handle, ConcurrentQueue<JsonObject> Events)> ObserverAsync(this VideoRoomFixture fixture, MediaPlacement placement)
    {
        var record = await fixture.Directory.GetAsync(placement.SessionId, TestContext.Current.CancellationToken);
        var handle = await fixture.HandleAsync();
        var events = new ConcurrentQueue<JsonObject>();
        handle.EventReceived += (_, e) =>
        {
            if (e.PluginData is { } data)
            {
                events.Enqueue(data);
            }
        };
        await handle.MessageAsync(new() { ["request"] = "join", ["ptype"] = "publisher", ["room"] = placement.RoomNumber, ["pin"] = record!.Pin }, null, TestContext.Current.CancellationToken);
        return (handle, events);
    }
}
