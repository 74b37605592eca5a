using Bunit;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class OwnControlsTests : WebTestContext
{
    private static FakeRoomConnection RoomWithSelf(ParticipantDto self)
    {
        var room = TestRooms.Admitted();
        room.Participants = [TestRooms.Therapist(), self];
        return room;
    }

    [Fact]
    public void The_microphone_toggle_turns_audio_on_and_keeps_the_camera_as_it_is()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak", audio: false, video: true));
        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        cut.Find("button.mic").Click();

        Assert.Equal(["SetMedia(True, True)"], room.Calls);
        Assert.Equal("Turn microphone on", cut.Find("button.mic").TextContent.Trim());
        Assert.Equal("Turn camera off", cut.Find("button.camera").TextContent.Trim());
    }

    [Fact]
    public void The_camera_toggle_keeps_the_microphone_as_it_is()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak", audio: true, video: false));
        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        cut.Find("button.camera").Click();

        Assert.Equal(["SetMedia(True, True)"], room.Calls);
    }

    [Fact]
    public void While_hard_muted_the_microphone_toggle_is_disabled_and_says_why()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak", hardMuted: true));
        room.HardMuted = true;

        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        var mic = cut.Find("button.mic");
        Assert.True(mic.HasAttribute("disabled"));
        Assert.Equal("mic-reason", mic.GetAttribute("aria-describedby"));
        Assert.Equal("The therapist muted you. You can unmute when the therapist allows it.", cut.Find("#mic-reason").TextContent);
        Assert.False(cut.Find("button.camera").HasAttribute("disabled"));
    }

    [Fact]
    public void After_the_therapist_asks_to_unmute_the_toggle_is_enabled_with_the_request()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak"));
        room.AskedToUnmute = true;

        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        Assert.False(cut.Find("button.mic").HasAttribute("disabled"));
        Assert.Equal("The therapist asks you to unmute when you are ready.", cut.Find(".asked-to-unmute").TextContent);
    }

    [Fact]
    public void A_hard_mute_refused_by_the_server_is_shown_in_plain_words()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak"));
        room.Refuse("SetMedia", "hard-muted");
        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        cut.Find("button.mic").Click();

        Assert.Equal("The therapist muted you. You can unmute when the therapist allows it.", cut.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void Raises_and_lowers_the_hand_and_leaves()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak"));
        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        cut.Find("button.hand-toggle").Click();
        room.Participants = [TestRooms.Patient(TestRooms.SelfId, "Oak", hand: true)];
        cut.Render();
        Assert.Equal("Lower my hand", cut.Find("button.hand-toggle").TextContent);
        cut.Find("button.hand-toggle").Click();
        cut.Find("button.leave").Click();

        Assert.Equal(["RaiseHand()", "LowerHand()", "LeaveSession()"], room.Calls);
    }

    [Fact]
    public void Says_when_the_therapist_stopped_the_camera()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak"));
        room.VideoStoppedByModerator = true;

        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        Assert.Equal("The therapist turned your camera off.", cut.Find(".video-stopped").TextContent);
    }

    [Fact]
    public void In_audio_only_mode_the_camera_toggle_is_disabled_and_says_why()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak", audioOnly: true));

        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));

        var camera = cut.Find("button.camera");
        Assert.True(camera.HasAttribute("disabled"));
        Assert.Equal("audio-only-reason", camera.GetAttribute("aria-describedby"));
        Assert.Equal("You are in audio-only mode: no video is sent or received.", cut.Find("#audio-only-reason").TextContent);
    }

    [Fact]
    public void A_stopped_camera_names_the_reason_and_may_be_turned_on_again()
    {
        var room = RoomWithSelf(TestRooms.Patient(TestRooms.SelfId, "Oak", videoStopped: true));

        var cut = Render<OwnControls>(p => p.Add(c => c.Room, room));
        cut.Find("button.camera").Click();

        Assert.Equal("camera-reason", cut.Find("button.camera").GetAttribute("aria-describedby"));
        Assert.Equal(["SetMedia(False, True)"], room.Calls);
    }
}
