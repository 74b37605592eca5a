using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace IopTelehealth.Web.Client.Media;

/// <summary>
/// The JavaScript media module (wwwroot/js/media.js), imported once per page on first use. Every call into WebRTC
/// goes through here; component tests set these calls up on bUnit's strict JS interop.
/// </summary>
public sealed class MediaModule(IJSRuntime js) : IAsyncDisposable
{
    public const string Path = "./js/media.js";

    private Task<IJSObjectReference>? _module;

    private Task<IJSObjectReference> Module => _module ??= js.InvokeAsync<IJSObjectReference>("import", Path).AsTask();

    public async Task<DeviceList> StartPreviewAsync(ElementReference video, ElementReference meter, MediaChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return await (await Module).InvokeAsync<DeviceList>("startPreview", video, meter, choices.AudioDeviceId, choices.VideoDeviceId, choices.AudioOnly);
    }

    public async Task StopPreviewAsync() => await (await Module).InvokeVoidAsync("stopPreview");

    internal async Task JoinAsync(MediaJoinConfig config, DotNetObjectReference<MediaBridge> bridge) =>
        await (await Module).InvokeVoidAsync("join", config, bridge);

    /// <summary>The room screen's video area is on the page (before or after the join).</summary>
    public async Task AttachAsync(ElementReference area) => await (await Module).InvokeVoidAsync("attach", area);

    public async Task ParticipantsAsync(IReadOnlyList<string> ids) => await (await Module).InvokeVoidAsync("participants", ids);

    public async Task SetLocalAsync(bool audio, bool video) => await (await Module).InvokeVoidAsync("setLocal", audio, video);

    public async Task RenderAsync() => await (await Module).InvokeVoidAsync("render");

    public async Task SignalAsync(string from, MeshSignalDto signal) => await (await Module).InvokeVoidAsync("signal", from, signal);

    public async Task FeedsChangedAsync() => await (await Module).InvokeVoidAsync("feedsChanged");

    public async Task MediaRestartAsync() => await (await Module).InvokeVoidAsync("mediaRestart");

    public async Task ResumedAsync() => await (await Module).InvokeVoidAsync("resumed");

    public async Task SetAudioOnlyAsync(bool audioOnly) => await (await Module).InvokeVoidAsync("setAudioOnly", audioOnly);

    public async Task<bool> ShareScreenAsync(bool on) => await (await Module).InvokeAsync<bool>("shareScreen", on);

    public async Task LeaveAsync() => await (await Module).InvokeVoidAsync("leave");

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true } module)
        {
            try
            {
                await module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone; so is the module.
            }
        }
    }
}
