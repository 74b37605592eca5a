using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Client.Media;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class RoomScreenTests : WebTestContext
{
    private readonly BunitJSModuleInterop _media;

    public RoomScreenTests() => _media = JSInterop.SetUpMedia();

    private IRenderedComponent<RoomScreen> RenderScreen(FakeRoomConnection room, Action<ComponentParameterCollectionBuilder<RoomScreen>>? more = null) =>
        Render<RoomScreen>(p =>
        {
            p.Add(c => c.Room, room).Add(c => c.Media, new MediaSession(Services.GetRequiredService<MediaModule>(), room)).Add(c => c.Choices, new MediaChoices());
            more?.Invoke(p);
        });

    [Fact]
    public void Leaves_the_video_area_ready_for_the_media_layer()
    {
        var room = TestRooms.Admitted();

        var cut = RenderScreen(room);

        var video = cut.Find("#video-area");
        Assert.Equal("room", video.GetAttribute("data-media-area"));
        Assert.Equal(TestRooms.SessionId.ToString(), video.GetAttribute("data-session-id"));
        Assert.Equal(TestRooms.SelfId, video.GetAttribute("data-self-id"));
        Assert.Single(_media.Invocations["join"]);
    }

    [Fact]
    public void A_patient_gets_the_help_button_and_no_moderation()
    {
        var room = TestRooms.Admitted();
        room.HelpRequests = [TestRooms.Help()];

        var cut = RenderScreen(room);

        Assert.Single(cut.FindAll("button.help-button"));
        Assert.Empty(cut.FindAll(".moderation"));
        Assert.Empty(cut.FindAll(".help-alert"));
    }

    [Fact]
    public void A_therapist_gets_the_moderation_panel_and_help_alerts_first()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.HelpRequests = [TestRooms.Help()];

        var cut = RenderScreen(room, p => p.Add(c => c.Moderator, true).Add(c => c.Title, "Evening group"));

        Assert.Equal("help-alert", cut.Find(".room").FirstElementChild!.ClassName);
        Assert.Equal("Evening group", cut.Find("h1").TextContent);
        Assert.Single(cut.FindAll(".moderation"));
        Assert.Empty(cut.FindAll("button.help-button"));
    }
}
