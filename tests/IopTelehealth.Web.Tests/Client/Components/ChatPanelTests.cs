using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class ChatPanelTests : WebTestContext
{
    [Fact]
    public void A_group_line_goes_to_everyone_and_the_box_empties()
    {
        var room = TestRooms.Admitted();
        var cut = Render<ChatPanel>(p => p.Add(c => c.Room, room));

        cut.Find("#chat-text").Change("  Hi all ");
        cut.Find("form").Submit();

        Assert.Equal(["SendChat(Hi all, null)"], room.Calls);
        Assert.Equal("", cut.Find("#chat-text").GetAttribute("value"));
    }

    [Fact]
    public void An_empty_line_is_not_sent()
    {
        var room = TestRooms.Admitted();
        var cut = Render<ChatPanel>(p => p.Add(c => c.Room, room));

        cut.Find("#chat-text").Change("   ");
        cut.Find("form").Submit();

        Assert.Empty(room.Calls);
    }

    [Fact]
    public void A_patient_may_write_privately_to_the_therapist_only()
    {
        var room = TestRooms.Admitted();
        var cut = Render<ChatPanel>(p => p.Add(c => c.Room, room));

        Assert.Equal(["Everyone", "Dr. Taylor Reed (private)"], cut.FindAll("#chat-to option").Select(o => o.TextContent));
        cut.Find("#chat-to").Change(TestRooms.TherapistId);
        cut.Find("#chat-text").Change("Can we talk after?");
        cut.Find("form").Submit();

        Assert.Equal([$"SendChat(Can we talk after?, {TestRooms.TherapistId})"], room.Calls);
    }

    [Fact]
    public void A_therapist_may_write_privately_to_anyone()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);

        var cut = Render<ChatPanel>(p => p.Add(c => c.Room, room).Add(c => c.Moderator, true));

        Assert.Equal(["Everyone", "Oak (private)", "River (private)"], cut.FindAll("#chat-to option").Select(o => o.TextContent));
    }

    [Fact]
    public void Lines_show_sender_and_privacy_with_own_lines_as_you()
    {
        var room = TestRooms.Admitted();
        room.Chat =
        [
            TestRooms.Line("l1", TestRooms.RiverId, "River", "Hello everyone"),
            TestRooms.Line("l2", TestRooms.SelfId, "Oak", "Can we talk after?", to: TestRooms.TherapistId),
            TestRooms.Line("l3", TestRooms.TherapistId, "Dr. Taylor Reed", "Yes, stay on after group.", to: TestRooms.SelfId),
        ];

        var cut = Render<ChatPanel>(p => p.Add(c => c.Room, room));

        var lines = cut.FindAll("li.chat-line");
        Assert.Equal(["River", "You", "Dr. Taylor Reed"], lines.Select(l => l.QuerySelector(".from")!.TextContent));
        Assert.Null(lines[0].QuerySelector(".badge.private"));
        Assert.Equal("Private to Dr. Taylor Reed", lines[1].QuerySelector(".badge.private")!.TextContent);
        Assert.Equal("Private to you", lines[2].QuerySelector(".badge.private")!.TextContent);
        Assert.Equal("polite", cut.Find("ol.chat-lines").GetAttribute("aria-live"));
        Assert.Empty(cut.FindAll("button.reply"));
    }

    [Fact]
    public void A_therapist_answers_a_private_line_privately()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.Chat = [TestRooms.Line("l1", TestRooms.RiverId, "River", "I am struggling today", to: TestRooms.TherapistId)];
        var cut = Render<ChatPanel>(p => p.Add(c => c.Room, room).Add(c => c.Moderator, true));

        cut.Find("button.reply").Click();
        cut.Find("#chat-text").Change("Thank you for telling me.");
        cut.Find("form").Submit();

        Assert.Equal([$"SendChat(Thank you for telling me., {TestRooms.RiverId})"], room.Calls);
    }
}
