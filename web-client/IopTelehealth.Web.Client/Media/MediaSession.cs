using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace IopTelehealth.Web.Client.Media;

/// <summary>
/// The room's media for one page: starts media.js when admitted, feeds it the hub's media events and the room's
/// changes, holds what the media controls show (quality, speaker, audio-only, screen share), and stops every track
/// and connection when disposed (leave, removal, end, page closed).
/// </summary>
public sealed class MediaSession : IAsyncDisposable
{
    private readonly MediaModule _module;
    private readonly IRoomConnection _room;
    private DotNetObjectReference<MediaBridge>? _bridge;
    private string _participantsSent = "";
    private (bool Audio, bool Video)? _localSent;
    private readonly List<(string From, MeshSignalDto Signal)> _early = [];
    private Task? _start;
    private bool _started;

    /// <summary>
    /// Made with the page, before joining: a peer already in the room offers as soon as it hears we were admitted,
    /// possibly before the video grid is on screen, so signals are kept from the start and replayed after the join.
    /// </summary>
    public MediaSession(MediaModule module, IRoomConnection room)
    {
        ArgumentNullException.ThrowIfNull(room);
        _module = module;
        _room = room;
        _room.SignalReceived += OnSignal;
        _room.FeedsChanged += OnFeedsChanged;
        _room.MediaRestartRequested += OnMediaRestart;
        _room.Resumed += OnResumed;
    }

    /// <summary>After stats or a mode change; possibly from a JS callback (re-render through InvokeAsync).</summary>
    public event Action? Changed;

    public MediaStats Stats { get; private set; } = new("unknown", null, null, null);

    public bool AudioOnly { get; private set; }

    public bool SharingScreen { get; private set; }

    /// <summary>Why the last media action did not happen, for people.</summary>
    public string? Problem { get; private set; }

    public string Mode => _room.State.Media?.Mode ?? WireMediaModes.Mesh;

    /// <summary>
    /// Starts media once: the page calls it the moment the admission arrives (the camera, the connections and the render
    /// of the room screen overlap), the video grid when it appears; both get the same start.
    /// </summary>
    public Task StartAsync(MediaChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return _start ??= StartOnceAsync(choices);
    }

    /// <summary>The video grid is on the page: media.js sets its tiles' sources from here on.</summary>
    public Task AttachAsync(ElementReference area) => _module.AttachAsync(area);

    private async Task StartOnceAsync(MediaChoices choices)
    {
        var self = _room.State.Self;
        var media = _room.State.Media;
        AudioOnly = choices.AudioOnly;
        _bridge = DotNetObjectReference.Create(new MediaBridge(_room, OnStats, () =>
        {
            SharingScreen = false;
            Changed?.Invoke();
        }));
        if (AudioOnly)
        {
            // Billing records the mode: tell the server before any media flows.
            await _room.SetAudioOnly(true);
        }

        var participants = Participants();
        _participantsSent = string.Join(',', participants);
        _localSent = (self?.AudioOn ?? false, self?.VideoOn ?? false);
        var join = _module.JoinAsync(new MediaJoinConfig(Mode, media?.IceServers ?? [], _room.State.SelfId ?? "", AudioOnly,
            _localSent.Value.Audio, _localSent.Value.Video, choices.AudioDeviceId, choices.VideoDeviceId, participants), _bridge);
        // From here hub events may go to media.js: they queue behind the join (same module, same order) and wait for its start.
        _started = true;
        List<(string From, MeshSignalDto Signal)> early;
        lock (_early)
        {
            early = [.. _early];
            _early.Clear();
        }

        foreach (var (from, signal) in early)
        {
            Forward(() => _module.SignalAsync(from, signal));
        }

        await join;
        Changed?.Invoke();
    }

    /// <summary>The room changed: tell media.js who is in it and what our own microphone and camera should do.</summary>
    public async Task SyncAsync()
    {
        if (!_started)
        {
            return;
        }

        var participants = Participants();
        var key = string.Join(',', participants);
        if (key != _participantsSent)
        {
            _participantsSent = key;
            await _module.ParticipantsAsync(participants);
        }

        var self = _room.State.Self;
        if (SharingScreen && self is { ScreenShareAllowed: false })
        {
            // A moderator took the permission back: the server ended the share; the track stops here.
            SharingScreen = false;
            await _module.ShareScreenAsync(false);
            Changed?.Invoke();
        }

        var local = (self?.AudioOn == true && !_room.State.HardMuted, self?.VideoOn == true && self.VideoStopped != true);
        if (local != _localSent)
        {
            _localSent = local;
            await _module.SetLocalAsync(local.Item1, local.Item2);
        }
    }

    public Task RenderAsync() => _started ? _module.RenderAsync() : Task.CompletedTask;

    public async Task SetAudioOnlyAsync(bool audioOnly)
    {
        if (await TryAsync(() => _room.SetAudioOnly(audioOnly)))
        {
            AudioOnly = audioOnly;
            SharingScreen = SharingScreen && !audioOnly;
            await _module.SetAudioOnlyAsync(audioOnly);
        }
    }

    /// <summary>Asks the server first (patients need the therapist's permission), then the browser's screen picker.</summary>
    public async Task ShareScreenAsync(bool share)
    {
        if (!share)
        {
            SharingScreen = false;
            await _module.ShareScreenAsync(false);
            await TryAsync(() => _room.SetScreenShare(false));
            return;
        }

        if (!await TryAsync(() => _room.SetScreenShare(true)))
        {
            return;
        }

        SharingScreen = await _module.ShareScreenAsync(true);
        if (!SharingScreen)
        {
            await TryAsync(() => _room.SetScreenShare(false));
        }
    }

    /// <summary>Stops every track and closes every connection (the room screen went away: leave, removal, end).</summary>
    public async Task StopAsync()
    {
        _start = null;
        if (_started)
        {
            _started = false;
            try
            {
                await _module.LeaveAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page is gone, and with it every track and connection.
            }
        }

        _bridge?.Dispose();
        _bridge = null;
        SharingScreen = false;
    }

    public async ValueTask DisposeAsync()
    {
        _room.SignalReceived -= OnSignal;
        _room.FeedsChanged -= OnFeedsChanged;
        _room.MediaRestartRequested -= OnMediaRestart;
        _room.Resumed -= OnResumed;
        await StopAsync();
    }

    /// <summary>Who media.js connects to and shows: the admitted participants who are connected, ourselves included.</summary>
    private List<string> Participants() =>
        [.. _room.State.Participants.Where(p => p.Connected || p.Id == _room.State.SelfId).Select(p => p.Id).Order(StringComparer.Ordinal)];

    private async Task<bool> TryAsync(Func<Task> call)
    {
        Problem = null;
        try
        {
            await call();
            return true;
        }
        catch (IopTelehealth.Client.RoomCallException e)
        {
            Problem = RoomMessages.For(e.Code, e.Message);
            return false;
        }
#pragma warning disable CA1031 // A dropped connection reads the same to a patient; never thrown into the page.
        catch (Exception)
#pragma warning restore CA1031
        {
            Problem = RoomMessages.ConnectionFailed;
            return false;
        }
        finally
        {
            Changed?.Invoke();
        }
    }

    /// <summary>From media.js through the bridge (internal for component tests).</summary>
    internal void OnStats(MediaStats stats)
    {
        Stats = stats;
        Changed?.Invoke();
    }

    private void OnSignal(string from, MeshSignalDto signal)
    {
        if (!_started)
        {
            lock (_early)
            {
                _early.Add((from, signal));
            }

            return;
        }

        Forward(() => _module.SignalAsync(from, signal));
    }

    private void OnFeedsChanged() => Forward(_module.FeedsChangedAsync);

    private void OnMediaRestart() => Forward(_module.MediaRestartAsync);

    private void OnResumed() => Forward(_module.ResumedAsync);

    /// <summary>Hub events arrive as plain callbacks; a failure in media.js is logged there, never thrown into the hub client.</summary>
    private void Forward(Func<Task> call)
    {
        if (!_started)
        {
            return;
        }

        _ = ForwardAsync(call);

        static async Task ForwardAsync(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (JSException)
            {
                // media.js already warned in the console; the next event or the recovery timer tries again.
            }
            catch (JSDisconnectedException)
            {
                // The page is closing.
            }
        }
    }
}
