using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class HandQueueTests : WebTestContext
{
    [Fact]
    public void Lists_hands_in_the_order_they_were_raised_not_by_name()
    {
        var room = TestRooms.Admitted();
        room.HandQueue = [TestRooms.RiverId, TestRooms.SelfId];

        var cut = Render<HandQueue>(p => p.Add(c => c.Room, room));

        Assert.Equal(["River", "Oak"], cut.FindAll("ol.hand-queue .name").Select(n => n.TextContent));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Says_when_no_hand_is_raised()
    {
        var room = TestRooms.Admitted();

        var cut = Render<HandQueue>(p => p.Add(c => c.Room, room));

        Assert.Equal("No hands raised.", cut.Find(".empty").TextContent);
    }

    [Fact]
    public void A_therapist_lowers_a_hand_from_the_queue()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.HandQueue = [TestRooms.RiverId];
        var cut = Render<HandQueue>(p => p.Add(c => c.Room, room).Add(c => c.Moderator, true));

        cut.Find("ol.hand-queue button").MarkupMatches("""<button type="button" class="secondary small">Lower hand<span class="visually-hidden"> of River</span></button>""");
        cut.Find("ol.hand-queue button").Click();

        Assert.Equal([$"LowerHandOf({TestRooms.RiverId})"], room.Calls);
    }
}
