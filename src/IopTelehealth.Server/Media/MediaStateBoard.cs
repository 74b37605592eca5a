using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Media;

/// <summary>
/// The last media state the SFU reported per participant and leg (up, down, flowing, stalled, lost), recorded from
/// the media plane's events. The hub and attendance can read it (e.g. to show "connecting" or to tell video from
/// audio-only); this node only sees events for the handles it holds.
/// </summary>
internal sealed class MediaStateBoard : IMediaEventListener
{
    private readonly ConcurrentDictionary<(SessionId, ParticipantId, MediaLeg), MediaEvent> _latest = new();

    public Task OnMediaEventAsync(MediaEvent mediaEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mediaEvent);
        _latest[(mediaEvent.SessionId, mediaEvent.ParticipantId, mediaEvent.Leg)] = mediaEvent;
        return Task.CompletedTask;
    }

    public MediaEvent? Latest(SessionId sessionId, ParticipantId participantId, MediaLeg leg) =>
        _latest.TryGetValue((sessionId, participantId, leg), out var latest) ? latest : null;
}
