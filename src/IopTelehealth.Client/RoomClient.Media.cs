using IopTelehealth.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace IopTelehealth.Client;

/// <summary>The media half of the protocol: SFU publish/subscribe, mesh signaling relay, modes and screen share.</summary>
public sealed partial class RoomClient
{
    /// <summary>Mesh: a signal from another participant (sender id, signal).</summary>
    public event Action<string, MeshSignalDto>? SignalReceived;

    /// <summary>SFU: the room's publishers changed; the receiving connection should be brought up to date.</summary>
    public event Action? FeedsChanged;

    /// <summary>SFU: the media server lost this participant's connections; publish and subscribe again.</summary>
    public event Action? MediaRestartRequested;

    public Task<SdpDto> Publish(SdpDto offer) => Invoke<SdpDto>(nameof(IRoomHub.Publish), offer);

    public Task<SdpDto?> Subscribe() => Invoke<SdpDto?>(nameof(IRoomHub.Subscribe));

    public Task AnswerSubscription(SdpDto answer) => Send(nameof(IRoomHub.AnswerSubscription), answer);

    public Task Trickle(string leg, IceCandidateDto candidate) => Send(nameof(IRoomHub.Trickle), leg, candidate);

    public Task SendSignal(string toParticipantId, MeshSignalDto signal) => Send(nameof(IRoomHub.SendSignal), toParticipantId, signal);

    public Task SetAudioOnly(bool audioOnly) => Send(nameof(IRoomHub.SetAudioOnly), audioOnly);

    public Task SetScreenShare(bool sharing) => Send(nameof(IRoomHub.SetScreenShare), sharing);

    public Task AllowScreenShare(string participantId, bool allowed) => Send(nameof(IRoomHub.AllowScreenShare), participantId, allowed);

    private void SubscribeMedia(HubConnection connection)
    {
        connection.On<string, MeshSignalDto>(nameof(IRoomClient.Signal), (from, signal) =>
        {
            EventReceived?.Invoke(nameof(IRoomClient.Signal));
            SignalReceived?.Invoke(from, signal);
        });
        On(connection, nameof(IRoomClient.FeedsChanged), () => FeedsChanged?.Invoke());
        On(connection, nameof(IRoomClient.MediaRestart), () => MediaRestartRequested?.Invoke());
    }
}
