using Microsoft.JSInterop;

namespace IopTelehealth.Web.Client.Media;

/// <summary>
/// What media.js calls back: the hub's media methods (signaling goes through the .NET RoomClient, never a second
/// socket) and the stats it samples. Handed to JavaScript as a DotNetObjectReference.
/// </summary>
public sealed class MediaBridge(IRoomConnection room, Action<MediaStats> onStats, Action onScreenShareEnded)
{
    [JSInvokable]
    public Task<SdpDto> Publish(SdpDto offer) => room.Publish(offer);

    [JSInvokable]
    public Task<SdpDto?> Subscribe() => room.Subscribe();

    [JSInvokable]
    public Task AnswerSubscription(SdpDto answer) => room.AnswerSubscription(answer);

    [JSInvokable]
    public Task Trickle(string leg, IceCandidateDto candidate) => room.Trickle(leg, candidate);

    [JSInvokable]
    public Task SendSignal(string toParticipantId, MeshSignalDto signal) => room.SendSignal(toParticipantId, signal);

    [JSInvokable]
    public void OnStats(MediaStats stats) => onStats(stats);

    /// <summary>The browser's own "Stop sharing" bar ended the share.</summary>
    [JSInvokable]
    public async Task OnScreenShareEnded()
    {
        onScreenShareEnded();
        await room.SetScreenShare(false);
    }
}
