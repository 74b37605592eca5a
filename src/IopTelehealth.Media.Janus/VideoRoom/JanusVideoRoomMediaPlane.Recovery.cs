using IopTelehealth.Domain.Media;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>
/// After a gateway replaced a lost Janus session every handle of the old one is dead (and after a Janus restart the
/// rooms are gone too). Rooms are recreated with the same number, secret and pin, publisher handles are attached and
/// joined again, and listeners hear <see cref="MediaEventKind.Lost"/> for both legs of every participant, so the app
/// can tell clients to publish and subscribe again.
/// </summary>
public sealed partial class JanusVideoRoomMediaPlane
{
    private Task _recovery = Task.CompletedTask;

    /// <summary>The latest recovery (tests wait for it).</summary>
    internal Task Recovery => _recovery;

    private void OnSessionRecreated(object? sender, JanusSessionRecreatedEventArgs e)
    {
        var previous = _recovery;
        _recovery = Task.Run(async () =>
        {
            await previous;
            await RecoverAsync(e.Node);
        });
    }

    private async Task RecoverAsync(string node)
    {
        var rooms = _rooms.Values.Where(room => room.Node.Name == node).ToList();
        VideoRoomLog.Recovering(_logger, node, rooms.Count);
        foreach (var room in rooms)
        {
            try
            {
                await RecreateRoomAsync(room);
                foreach (var participant in room.Participants.Values)
                {
                    await RejoinAsync(room, participant);
                    await RaiseAsync(room.SessionId, participant.Id, MediaEventKind.Lost, MediaLeg.Publisher);
                    await RaiseAsync(room.SessionId, participant.Id, MediaEventKind.Lost, MediaLeg.Subscriber);
                }
            }
            catch (Exception e) when (e is JanusException or Domain.Rooms.RoomException)
            {
                VideoRoomLog.RecoveryFailed(_logger, room.SessionId, e.GetType().Name);
            }
        }
    }

    private async Task RecreateRoomAsync(MediaRoomState room)
    {
        var exists = await _admin.RequestAsync(room.Node, VideoRoomRequests.Exists(room.Record.RoomNumber), CancellationToken.None);
        if (exists.Data["exists"]?.GetValue<bool>() == true)
        {
            return;
        }

        try
        {
            await _admin.RequestAsync(room.Node, VideoRoomRequests.Create(room.Record, room.Node.Options.AdminKey, _options.PublisherBitrate), CancellationToken.None);
        }
        catch (JanusException e) when (e.Code == JanusErrorCodes.VideoRoomRoomExists)
        {
            // Another server node recreated it first.
        }
    }

    private async Task RejoinAsync(MediaRoomState room, ParticipantMedia participant)
    {
        // A SubscribeAsync waiting for an answer to an offer of the dead handle stops waiting now.
        participant.AwaitingAnswer?.TrySetCanceled();
        await participant.PublisherLock.WaitAsync();
        try
        {
            var (hadPublisher, owner) = (participant.Publisher is not null, participant.PublisherOwner);
            if (participant.Publisher is { } oldPublisher)
            {
                await _handles.RemoveAsync(oldPublisher.Id);
            }

            participant.ResetPublisher();
            if (hadPublisher)
            {
                await PublisherHandleAsync(room, participant, CancellationToken.None);
                // Still that page's: its next publish (a new peer connection, the same signaling connection) goes on this
                // handle instead of replacing it as a new page's would.
                participant.PublisherOwner = owner;
            }
        }
        finally
        {
            participant.PublisherLock.Release();
        }

        await participant.SubscriberLock.WaitAsync();
        try
        {
            if (participant.Subscriber is { } oldSubscriber)
            {
                await _handles.RemoveAsync(oldSubscriber.Id);
            }

            participant.ResetSubscriber();
        }
        finally
        {
            participant.SubscriberLock.Release();
        }
    }
}
