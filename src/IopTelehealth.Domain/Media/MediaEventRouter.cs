using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// What the media plane observed, turned into client events: a publisher's connection up or down → the room's other
/// admitted participants subscribe again (FeedsChanged); the participant lost by the media server (restart, failover)
/// → that participant publishes and subscribes again (MediaRestart). Works on any server node: the room store says
/// which connection to reach and the notifier reaches it wherever it is.
/// </summary>
public sealed class MediaEventRouter(IRoomStore rooms, IMediaNotifier notifier) : IMediaEventListener
{
    public async Task OnMediaEventAsync(MediaEvent mediaEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        var relevant = mediaEvent switch
        {
            { Kind: MediaEventKind.Up or MediaEventKind.Down, Leg: MediaLeg.Publisher } => true,
            // Raised for both legs; one restart is enough.
            { Kind: MediaEventKind.Lost, Leg: MediaLeg.Publisher } => true,
            _ => false,
        };
        if (!relevant || await rooms.GetAsync(mediaEvent.SessionId, cancellationToken) is not { } state)
        {
            return;
        }

        if (mediaEvent.Kind == MediaEventKind.Lost)
        {
            if (state.Find(mediaEvent.ParticipantId) is { IsPresent: true, ConnectionId: { } connection })
            {
                await notifier.MediaRestartAsync(connection, cancellationToken);
            }

            return;
        }

        await notifier.FeedsChangedAsync(MediaService.OthersOf(state, mediaEvent.ParticipantId), cancellationToken);
    }
}
