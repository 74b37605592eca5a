using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IopTelehealth.Media.Tests.VideoRoom;

/// <summary>A Janus node crashes and comes back: the media plane recreates the room and the handles and says "publish again".</summary>
public sealed class RecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_janus_restart_the_room_is_recreated_the_publisher_rejoined_and_clients_told_to_publish_again()
    {
        await using var media = await PrivateMediaPlane.StartAsync("crashy");
        var (plane, events) = (media.Plane, media.Listener.Events);
        var session = new SessionId(Guid.NewGuid());
        var placement = await plane.EnsureRoomAsync(session, 6, Ct);
        var patient = ParticipantId.New();
        await plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);
        await plane.SetMutedAsync(session, patient, MediaKind.Audio, muted: true, Ct);

        await media.Janus.RestartAsync();
        await Polling.UntilAsync(() => Task.FromResult(events.Count >= 2), TimeSpan.FromSeconds(30), () => $"{events.Count} media events after the restart");
        await plane.Recovery;

        Assert.Equal([(MediaEventKind.Lost, MediaLeg.Publisher), (MediaEventKind.Lost, MediaLeg.Subscriber)], events.Select(e => (e.Kind, e.Leg)));
        Assert.All(events, e => Assert.Equal((session, patient), (e.SessionId, e.ParticipantId)));
        await using var inspector = new JanusGateway(media.Node, new JanusGatewayOptions(), NullLogger<JanusGateway>.Instance);
        var handle = await inspector.AttachAsync("janus.plugin.videoroom", Ct);
        var list = await handle.RequestAsync(new() { ["request"] = "list", ["admin_key"] = media.Node.AdminKey }, Ct);
        var room = Assert.Single(list.Data["list"]!.AsArray(), r => r!["room"]!.GetValue<long>() == placement.RoomNumber);
        Assert.Equal(6, room!["max_publishers"]!.GetValue<int>());
        var participants = await handle.RequestAsync(new() { ["request"] = "listparticipants", ["room"] = placement.RoomNumber }, Ct);
        Assert.Equal(patient.Value, Assert.Single(participants.Data["participants"]!.AsArray())!["display"]!.GetValue<string>());
        // The client publishes again on the recreated handle; the same room, secret and pin still work.
        var rejoined = plane.HandlesOf(session, patient).Publisher;
        var answer = await plane.PublishAsync(session, patient, MediaOwners.Page, TestSdp.Offer(), Ct);
        Assert.Equal("answer", answer.Type);
        Assert.Equal(rejoined, plane.HandlesOf(session, patient).Publisher);
        await plane.CloseRoomAsync(session, Ct);
    }
}
