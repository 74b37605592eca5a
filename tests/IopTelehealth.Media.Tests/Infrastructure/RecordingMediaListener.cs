using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;

namespace IopTelehealth.Media.Tests.Infrastructure;

/// <summary>Keeps every media event it hears, in order.</summary>
public sealed class RecordingMediaListener : IMediaEventListener
{
    public ConcurrentQueue<MediaEvent> Events { get; } = new();

    public Task OnMediaEventAsync(MediaEvent mediaEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(mediaEvent);
        return Task.CompletedTask;
    }
}
