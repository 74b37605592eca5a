using AngleSharp.Dom;
using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class ModerationPanelTests : WebTestContext
{
    private readonly FakeRoomConnection _room = TestRooms.Admitted(selfId: TestRooms.TherapistId);

    private static void Click(IRenderedComponent<ModerationPanel> cut, string text, string? participantId = null)
    {
        var scope = participantId is null ? cut.Find(".moderation") : cut.Find($"li.participant-actions[data-participant-id='{participantId}']");
        scope.QuerySelectorAll("button").Single(b => VisibleText(b) == text).Click();
    }

    /// <summary>A button's text without the part only screen readers get.</summary>
    private static string VisibleText(IElement button) =>
        string.Concat(button.ChildNodes.Where(n => n is not IElement { ClassName: "visually-hidden" }).Select(n => n.TextContent)).Trim();

    [Fact]
    public void Lists_the_patients_but_not_the_moderators_themselves()
    {
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Assert.Equal(["Oak", "River"], cut.FindAll("li.participant-actions .name").Select(n => n.TextContent));
    }

    [Fact]
    public void Each_participant_button_calls_its_method_for_that_participant()
    {
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.RiverId, "River", hand: true, video: true)];
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Mute", TestRooms.RiverId);
        Click(cut, "Stop video", TestRooms.RiverId);
        Click(cut, "Spotlight", TestRooms.RiverId);
        Click(cut, "Lower hand", TestRooms.RiverId);

        Assert.Equal([$"Mute({TestRooms.RiverId})", $"StopVideo({TestRooms.RiverId})", $"Spotlight({TestRooms.RiverId})", $"LowerHandOf({TestRooms.RiverId})"], _room.Calls);
    }

    [Fact]
    public void A_hard_muted_participant_can_be_asked_to_unmute_and_a_spotlight_cleared()
    {
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.RiverId, "River", hardMuted: true)];
        _room.Room = TestRooms.Info(spotlight: TestRooms.RiverId);
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Ask to unmute", TestRooms.RiverId);
        Click(cut, "Clear spotlight", TestRooms.RiverId);

        Assert.Equal([$"AskToUnmute({TestRooms.RiverId})", "Spotlight(null)"], _room.Calls);
        Assert.True(cut.Find($"li[data-participant-id='{TestRooms.RiverId}'] button:nth-of-type(2)").HasAttribute("disabled"), "Stop video needs a camera that is on.");
    }

    [Fact]
    public void Removal_asks_first_then_removes_or_bans()
    {
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Remove", TestRooms.RiverId);
        Assert.Empty(_room.Calls);
        Assert.Equal("Remove River from this session?", cut.Find(".participant-actions .confirm span").TextContent);
        cut.Find(".confirm-remove").Click();
        Click(cut, "Remove", TestRooms.SelfId);
        cut.Find(".confirm-ban").Click();

        Assert.Equal([$"Remove({TestRooms.RiverId}, False)", $"Remove({TestRooms.SelfId}, True)"], _room.Calls);
    }

    [Fact]
    public void Room_buttons_mute_all_lock_and_end_after_confirmation()
    {
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Mute everyone");
        Click(cut, "Lock the room");
        Click(cut, "End the session");
        Assert.Equal(["MuteAll()", "Lock()"], _room.Calls);
        cut.Find(".confirm-end").Click();

        Assert.Equal(["MuteAll()", "Lock()", "EndSession()"], _room.Calls);
    }

    [Fact]
    public void A_locked_room_offers_unlock_and_says_it_is_locked()
    {
        _room.Room = TestRooms.Info(locked: true);
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Unlock the room");

        Assert.Equal(["Unlock()"], _room.Calls);
        Assert.StartsWith("The room is locked", cut.Find(".room-lock").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_action_is_shown_next_to_the_participant()
    {
        _room.Refuse("Mute", "participant-not-found");
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Mute", TestRooms.RiverId);

        Assert.Equal("That person is no longer in the room.", cut.Find($"li[data-participant-id='{TestRooms.RiverId}'] [role=alert]").TextContent);
    }

    [Fact]
    public void A_patient_may_be_allowed_to_share_the_screen_and_the_permission_taken_back()
    {
        _room.Participants = [TestRooms.Therapist(), TestRooms.Patient(TestRooms.RiverId, "River"),
            TestRooms.Patient(TestRooms.CompassId, "Compass", screenShareAllowed: true)];
        var cut = Render<ModerationPanel>(p => p.Add(c => c.Room, _room));

        Click(cut, "Allow screen sharing", TestRooms.RiverId);
        Click(cut, "Stop screen sharing", TestRooms.CompassId);

        Assert.Equal([$"AllowScreenShare({TestRooms.RiverId}, True)", $"AllowScreenShare({TestRooms.CompassId}, False)"], _room.Calls);
        Assert.Equal("true", cut.Find($"li[data-participant-id='{TestRooms.CompassId}'] button.allow-share").GetAttribute("aria-pressed"));
    }
}
