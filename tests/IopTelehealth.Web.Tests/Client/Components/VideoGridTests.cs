using Bunit;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Client.Media;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class VideoGridTests : WebTestContext
{
    private readonly BunitJSModuleInterop _media;
    private readonly FakeRoomConnection _room = TestRooms.Admitted();
    private readonly MediaChoices _choices = new() { AudioDeviceId = "mic-2", VideoDeviceId = "cam-2" };
    private readonly MediaSession _session;

    public VideoGridTests()
    {
        _media = JSInterop.SetUpMedia();
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.SelfId, "Oak", audio: true, video: true), TestRooms.Patient(TestRooms.RiverId, "River")];
        _session = new MediaSession(Services.GetRequiredService<MediaModule>(), _room);
    }

    private IRenderedComponent<VideoGrid> RenderGrid(bool moderator = false) => Render<VideoGrid>(p => p
        .Add(c => c.Room, _room).Add(c => c.Session, _session).Add(c => c.Choices, _choices).Add(c => c.Moderator, moderator));

    private MediaJoinConfig JoinConfig() => (MediaJoinConfig)Assert.Single(_media.Invocations["join"]).Arguments[0]!;

    [Fact]
    public void Joins_media_with_the_mode_ice_servers_devices_and_everyone_connected()
    {
        _room.Media = TestRooms.SfuMedia();

        var cut = RenderGrid();

        var config = JoinConfig();
        Assert.Equal("sfu", config.Mode);
        Assert.Equal("1900000000:c0ffee000001", Assert.Single(config.IceServers).Username);
        Assert.Equal(TestRooms.SelfId, config.SelfId);
        Assert.Equal((true, true, false), (config.Audio, config.Video, config.AudioOnly));
        Assert.Equal(("mic-2", "cam-2"), (config.AudioDeviceId, config.VideoDeviceId));
        Assert.Equal([TestRooms.SelfId, TestRooms.TherapistId, TestRooms.RiverId], config.Participants);
        Assert.Equal("sfu", cut.Find("#video-area").GetAttribute("data-mode"));
        Assert.Contains("render", _media.Calls());
    }

    [Fact]
    public void Shows_a_tile_per_connected_participant_by_alias_with_self_first()
    {
        _room.Participants = [.. _room.Participants, TestRooms.Patient(TestRooms.CompassId, "Compass", connected: false)];

        var cut = RenderGrid();

        Assert.Equal(["Oak (you)", "Dr. Taylor Reed", "River"], cut.FindAll(".tile .alias").Select(a => a.TextContent));
        Assert.Equal([TestRooms.SelfId, TestRooms.TherapistId, TestRooms.RiverId], cut.FindAll(".tile video").Select(v => v.GetAttribute("data-participant-id")));
        Assert.Contains("self", cut.Find(".tile").ClassList);
        Assert.Equal("Camera off", cut.Find($".tile[data-participant-id='{TestRooms.RiverId}'] .no-video").TextContent);
        Assert.Equal("Mic off", cut.Find($".tile[data-participant-id='{TestRooms.RiverId}'] .mic-off").TextContent);
        Assert.Single(cut.FindAll("[data-media-audio]"));
    }

    [Fact]
    public void Highlights_the_active_speaker_from_the_stats()
    {
        var cut = RenderGrid();
        var bridge = (DotNetObjectReference<MediaBridge>)Assert.Single(_media.Invocations["join"]).Arguments[1]!;

        cut.InvokeAsync(() => bridge.Value.OnStats(new MediaStats("good", 40, 0, TestRooms.TherapistId)));

        cut.WaitForAssertion(() => Assert.Contains("speaking", cut.Find($".tile[data-participant-id='{TestRooms.TherapistId}']").ClassList));
        Assert.Single(cut.FindAll(".tile.speaking"));
        Assert.Equal("Connection: good", cut.Find(".quality").TextContent);
        Assert.Equal("Round trip 40 ms, packet loss 0 %", cut.Find(".quality").GetAttribute("title"));
    }

    [Fact]
    public void Tells_media_js_who_arrived_and_who_left()
    {
        var cut = RenderGrid();

        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.SelfId, "Oak", audio: true, video: true), TestRooms.Patient(TestRooms.CompassId, "Compass")];
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Single(_media.Invocations["participants"]));
        Assert.Equal(new[] { TestRooms.SelfId, TestRooms.TherapistId, TestRooms.CompassId }, _media.Invocations["participants"][0].Arguments[0]);
    }

    [Fact]
    public void A_hard_mute_turns_the_local_microphone_track_off()
    {
        var cut = RenderGrid();

        _room.HardMuted = true;
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.SelfId, "Oak", audio: false, hardMuted: true, video: true), TestRooms.Patient(TestRooms.RiverId, "River")];
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Single(_media.Invocations["setLocal"]));
        Assert.Equal([false, true], _media.Invocations["setLocal"][0].Arguments);
        Assert.Equal("Muted by therapist", cut.Find(".tile.self .mic-off").TextContent);
    }

    [Fact]
    public void Hub_media_events_go_to_media_js()
    {
        RenderGrid();
        var signal = new MeshSignalDto(WireSignalKinds.Offer, new SdpDto("offer", "v=0"), null);

        _room.RaiseSignal(TestRooms.RiverId, signal);
        _room.RaiseFeedsChanged();
        _room.RaiseMediaRestart();
        _room.RaiseResumed();

        Assert.Equal([TestRooms.RiverId, signal], Assert.Single(_media.Invocations["signal"]).Arguments);
        Assert.Single(_media.Invocations["feedsChanged"]);
        Assert.Single(_media.Invocations["mediaRestart"]);
        Assert.Single(_media.Invocations["resumed"]);
    }

    [Fact]
    public void A_signal_that_arrives_before_the_grid_starts_is_kept_and_replayed_after_the_join()
    {
        var early = new MeshSignalDto(WireSignalKinds.Offer, new SdpDto("offer", "v=0 early"), null);
        _room.RaiseSignal(TestRooms.TherapistId, early);
        Assert.Empty(_media.Invocations["signal"]);

        RenderGrid();

        Assert.Equal([TestRooms.TherapistId, early], Assert.Single(_media.Invocations["signal"]).Arguments);
        Assert.True(_media.Calls().IndexOf("join") < _media.Calls().IndexOf("signal"));
    }

    [Fact]
    public async Task Media_js_calls_go_to_the_hub_through_the_bridge()
    {
        _room.SubscribeOffer = new SdpDto("offer", "v=0 sfu offer");
        RenderGrid();
        var bridge = ((DotNetObjectReference<MediaBridge>)_media.Invocations["join"][0].Arguments[1]!).Value;

        Assert.Equal("v=0 publisher answer", (await bridge.Publish(new SdpDto("offer", "v=0"))).Sdp);
        Assert.Equal("v=0 sfu offer", (await bridge.Subscribe())!.Sdp);
        await bridge.AnswerSubscription(new SdpDto("answer", "v=0"));
        await bridge.Trickle(WireMediaLegs.Subscriber, new IceCandidateDto("candidate:1 1 udp 1 127.0.0.1 5000 typ host", "0", 0));
        await bridge.SendSignal(TestRooms.RiverId, new MeshSignalDto(WireSignalKinds.Answer, new SdpDto("answer", "v=0"), null));

        Assert.Equal(["Publish(offer)", "Subscribe()", "AnswerSubscription(answer)", "Trickle(subscriber, candidate:1 1 udp 1 127.0.0.1 5000 typ host)",
            $"SendSignal({TestRooms.RiverId}, answer)"], _room.Calls);
    }

    [Fact]
    public async Task Leaving_the_room_screen_stops_all_media()
    {
        RenderGrid();

        await DisposeComponentsAsync();

        Assert.Single(_media.Invocations["leave"]);
        _room.RaiseFeedsChanged();
        Assert.Empty(_media.Invocations["feedsChanged"]);
    }

    [Fact]
    public async Task A_failed_start_says_the_room_still_works_without_video()
    {
        var module = JSInterop.SetupModule(MediaModule.Path);
        module.SetupVoid("join", _ => true).SetException(new JSException("Publish refused"));
        module.SetupVoid("attach", _ => true).SetVoidResult();
        module.SetupVoid("leave").SetVoidResult();
        module.SetupVoid("render").SetVoidResult();

        var cut = RenderGrid();

        Assert.StartsWith("Video and sound could not connect.", cut.Find(".media-problem").TextContent, StringComparison.Ordinal);
        // The camera may already be on: leaving still stops it.
        await DisposeComponentsAsync();
        Assert.Single(module.Invocations["leave"]);
    }

    [Fact]
    public void Audio_only_chosen_before_joining_is_told_to_the_server_first_and_hides_video()
    {
        _choices.AudioOnly = true;

        var cut = RenderGrid();

        Assert.Equal(["SetAudioOnly(True)"], _room.Calls);
        Assert.True(JoinConfig().AudioOnly);
        Assert.Contains("audio-only", cut.Find("#video-area").ClassList);
        Assert.Equal("Audio only", cut.Find(".tile.self .no-video").TextContent);
    }

    [Fact]
    public void Waits_for_the_join_reply_s_media_mode_before_starting()
    {
        _room.Media = null;
        var cut = RenderGrid();
        Assert.Empty(_media.Invocations["join"]);

        _room.Media = TestRooms.SfuMedia();
        _room.RaiseChanged();

        cut.WaitForAssertion(() => Assert.Equal("sfu", JoinConfig().Mode));
    }
}
