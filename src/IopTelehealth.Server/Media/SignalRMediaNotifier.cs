using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Server.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace IopTelehealth.Server.Media;

/// <summary>Media signaling to connections through the hub context (with the Redis backplane, on whichever node they are).</summary>
internal sealed class SignalRMediaNotifier(IHubContext<RoomHub, IRoomClient> hub) : IMediaNotifier
{
    public Task SignalAsync(string connectionId, ParticipantId from, MeshSignal signal, CancellationToken cancellationToken = default) =>
        hub.Clients.Client(connectionId).Signal(from.Value, MediaViews.Signal(signal));

    public Task FeedsChangedAsync(IReadOnlyList<string> connectionIds, CancellationToken cancellationToken = default) =>
        connectionIds.Count == 0 ? Task.CompletedTask : hub.Clients.Clients(connectionIds).FeedsChanged();

    public Task MediaRestartAsync(string connectionId, CancellationToken cancellationToken = default) =>
        hub.Clients.Client(connectionId).MediaRestart();
}
