using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>
/// Looks at Janus itself, the way an operator would, through a handle of its own: who is in the session's room, does
/// the room exist, what Janus tells participants (moderation, kicks). The room's number and pin come from the room directory.
/// </summary>
internal sealed class JanusView : IAsyncDisposable
{
    private readonly IJanusHandle _handle;

    private JanusView(IJanusHandle handle, MediaRoomRecord room)
    {
        _handle = handle;
        Room = room;
    }

    public MediaRoomRecord Room { get; }

    /// <summary>What Janus pushed to this view as a listening participant of the room.</summary>
    public ConcurrentQueue<JsonObject> Events { get; } = new();

    public static long Feed(string participantId) => long.Parse(participantId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Joins the session's media room as a participant that only listens (the room exists once someone published).</summary>
    public static async Task<JanusView> OpenAsync(IopServer server, Guid sessionId)
    {
        var room = await server.Services.GetRequiredService<IMediaRoomDirectory>().GetAsync(new SessionId(sessionId))
            ?? throw new InvalidOperationException("The session has no media room.");
        var handle = await server.Services.GetRequiredService<IJanusNodes>().All[0].Gateway.AttachAsync("janus.plugin.videoroom");
        var view = new JanusView(handle, room);
        handle.EventReceived += (_, e) =>
        {
            if (e.PluginData is { } data)
            {
                view.Events.Enqueue(data);
            }
        };
        await handle.MessageAsync(new() { ["request"] = "join", ["ptype"] = "publisher", ["room"] = room.RoomNumber, ["pin"] = room.Pin });
        return view;
    }

    public async Task<IReadOnlyList<long>> ParticipantIdsAsync()
    {
        var reply = await _handle.RequestAsync(new() { ["request"] = "listparticipants", ["room"] = Room.RoomNumber });
        return [.. reply.Data["participants"]!.AsArray().Select(p => p!["id"]!.GetValue<long>())];
    }

    public async Task<bool> RoomExistsAsync()
    {
        var reply = await _handle.RequestAsync(new() { ["request"] = "exists", ["room"] = Room.RoomNumber });
        return reply.Data["exists"]!.GetValue<bool>();
    }

    /// <summary>The moderation events Janus sent about <paramref name="participantId"/>: (mid, "muted" or "unmuted"), in order.</summary>
    public IReadOnlyList<(string Mid, string State)> Moderation(string participantId) =>
        [.. Events.Where(e => e["moderation"] is not null && e["id"]?.GetValue<long>() == Feed(participantId))
            .Select(e => (e["mid"]!.GetValue<string>(), e["moderation"]!.GetValue<string>()))];

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _handle.DetachAsync();
        }
        catch (JanusException)
        {
            // The room (and with it this participant) may be gone already: that is what some tests check.
        }
    }
}
