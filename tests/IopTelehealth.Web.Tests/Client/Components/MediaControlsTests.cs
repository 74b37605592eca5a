using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Client.Media;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class MediaControlsTests : WebTestContext
{
    private readonly BunitJSModuleInterop _media;
    private readonly FakeRoomConnection _room = TestRooms.Admitted();
    private readonly MediaSession _session;

    public MediaControlsTests()
    {
        _media = JSInterop.SetUpMedia();
        _session = new MediaSession(Services.GetRequiredService<MediaModule>(), _room);
    }

    private IRenderedComponent<MediaControls> RenderControls(bool moderator = false) =>
        Render<MediaControls>(p => p.Add(c => c.Room, _room).Add(c => c.Session, _session).Add(c => c.Moderator, moderator));

    [Fact]
    public void Audio_only_is_recorded_by_the_server_then_applied_in_the_browser()
    {
        var cut = RenderControls();

        cut.Find("button.audio-only-toggle").Click();

        Assert.Equal(["SetAudioOnly(True)"], _room.Calls);
        Assert.Equal([true], Assert.Single(_media.Invocations["setAudioOnly"]).Arguments);
        Assert.Equal("Turn video back on", cut.Find("button.audio-only-toggle").TextContent.Trim());
    }

    [Fact]
    public void A_refused_audio_only_leaves_media_as_it_is_and_says_why()
    {
        _room.Refuse("SetAudioOnly", "not-admitted");
        var cut = RenderControls();

        cut.Find("button.audio-only-toggle").Click();

        Assert.Empty(_media.Invocations["setAudioOnly"]);
        Assert.Equal("You are not in the room right now. Please join again.", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void A_patient_without_permission_has_no_screen_share()
    {
        var cut = RenderControls();

        Assert.Empty(cut.FindAll("button.screen-share"));
    }

    [Fact]
    public void A_patient_the_therapist_allowed_shares_after_the_server_agrees()
    {
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.SelfId, "Oak", screenShareAllowed: true)];
        var cut = RenderControls();

        cut.Find("button.screen-share").Click();

        Assert.Equal(["SetScreenShare(True)"], _room.Calls);
        Assert.Equal([true], Assert.Single(_media.Invocations["shareScreen"]).Arguments);
        Assert.Equal("Stop sharing my screen", cut.Find("button.screen-share").TextContent.Trim());

        cut.Find("button.screen-share").Click();

        Assert.Equal(["SetScreenShare(True)", "SetScreenShare(False)"], _room.Calls);
        Assert.Equal("Share my screen", cut.Find("button.screen-share").TextContent.Trim());
    }

    [Fact]
    public void A_cancelled_screen_picker_tells_the_server_the_share_did_not_start()
    {
        var module = JSInterop.SetupModule(MediaModule.Path);
        module.Setup<bool>("shareScreen", _ => true).SetResult(false);
        var cut = RenderControls(moderator: true);

        cut.Find("button.screen-share").Click();

        Assert.Equal(["SetScreenShare(True)", "SetScreenShare(False)"], _room.Calls);
        Assert.Equal("Share my screen", cut.Find("button.screen-share").TextContent.Trim());
    }

    [Fact]
    public void A_share_refused_by_the_server_never_opens_the_picker()
    {
        _room.Refuse("SetScreenShare", "forbidden");
        var cut = RenderControls(moderator: true);

        cut.Find("button.screen-share").Click();

        Assert.Empty(_media.Invocations["shareScreen"]);
        Assert.Equal("You cannot do that in this session.", cut.Find("[role=alert]").TextContent);
    }

    [Theory]
    [InlineData("good", "Connection: good")]
    [InlineData("poor", "Connection: poor (video may freeze; audio only helps)")]
    [InlineData("reconnecting", "Connection: reconnecting…")]
    [InlineData("unknown", "Connection: waiting for others")]
    public void Shows_the_connection_quality(string quality, string text)
    {
        var cut = RenderControls();

        _session.OnStats(new MediaStats(quality, 80, 1.5, null));
        cut.Render();

        Assert.Equal(text, cut.Find(".quality").TextContent);
        Assert.Contains($"quality-{quality}", cut.Find(".quality").ClassList);
        Assert.Equal("Round trip 80 ms, packet loss 1.5 %", cut.Find(".quality").GetAttribute("title"));
    }
}
