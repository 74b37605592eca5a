using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Rooms;

/// <summary>Hands the events of a transition to the durable listeners first, then to the participants.</summary>
public sealed class RoomPublisher(IRoomNotifier notifier, IEnumerable<IRoomEventSink> sinks)
{
    public IRoomNotifier Notifier => notifier;

    public async Task PublishAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        // Attendance must not depend on whether a browser received the push.
        foreach (var sink in sinks)
        {
            await sink.HandleAsync(state, events, cancellationToken);
        }

        await notifier.PublishAsync(state, events, cancellationToken);
    }
}
