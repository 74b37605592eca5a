namespace IopTelehealth.Web.Client.Rooms;

/// <summary>
/// The room page's port to the room hub: the protocol's calls (<see cref="IRoomHub"/>, docs/room-protocol.md), the
/// connection's start, and the room as this browser knows it. <see cref="RoomHubConnection"/> implements it over the
/// typed <c>RoomClient</c>; component tests use a fake. Refused calls throw <c>RoomCallException</c> with the
/// protocol's stable code.
/// </summary>
public interface IRoomConnection : IRoomHub, IAsyncDisposable
{
    /// <summary>Raised after every change of <see cref="State"/> (hub events, joining, leaving); possibly off the UI thread.</summary>
    event Action? Changed;

    /// <summary>Mesh: an offer, answer or candidate from another participant (sender id, signal); off the UI thread.</summary>
    event Action<string, MeshSignalDto>? SignalReceived;

    /// <summary>SFU: the room's publishers changed; the receiving connection should be brought up to date.</summary>
    event Action? FeedsChanged;

    /// <summary>SFU: the media server lost this participant's connections; publish and subscribe again.</summary>
    event Action? MediaRestartRequested;

    /// <summary>The hub connection dropped and came back, and the server resumed this participant.</summary>
    event Action? Resumed;

    IRoomState State { get; }

    Task StartAsync();
}
