using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

/// <summary>Port: pushes media signaling to participants' connections (on whichever server node they are).</summary>
public interface IMediaNotifier
{
    /// <summary>Mesh: relays a checked signal to one connection.</summary>
    Task SignalAsync(string connectionId, ParticipantId from, MeshSignal signal, CancellationToken cancellationToken = default);

    /// <summary>SFU: the room's publishers changed; these connections should subscribe again.</summary>
    Task FeedsChangedAsync(IReadOnlyList<string> connectionIds, CancellationToken cancellationToken = default);

    /// <summary>SFU: the media server lost the participant's connections; the client publishes and subscribes again.</summary>
    Task MediaRestartAsync(string connectionId, CancellationToken cancellationToken = default);
}
