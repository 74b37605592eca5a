using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class HelpButtonTests : WebTestContext
{
    private readonly FakeRoomConnection _room = TestRooms.Admitted();

    [Fact]
    public void Sends_the_optional_message_and_confirms_privately()
    {
        var cut = Render<HelpButton>(p => p.Add(c => c.Room, _room));

        cut.Find("button.help-button").Click();
        cut.Find("#help-message").Change("  I feel unsafe ");
        cut.Find("form").Submit();

        Assert.Equal(["RequestHelp(I feel unsafe)"], _room.Calls);
        Assert.Contains("Your therapist has been alerted privately", cut.Find(".help-sent").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public void Can_be_sent_without_a_message()
    {
        var cut = Render<HelpButton>(p => p.Add(c => c.Room, _room));

        cut.Find("button.help-button").Click();
        cut.Find("form").Submit();

        Assert.Equal(["RequestHelp()"], _room.Calls);
    }

    [Fact]
    public void Cancel_sends_nothing()
    {
        var cut = Render<HelpButton>(p => p.Add(c => c.Room, _room));

        cut.Find("button.help-button").Click();
        cut.FindAll("button").Single(b => b.TextContent == "Cancel").Click();

        Assert.Empty(_room.Calls);
        Assert.Equal("I need help", cut.Find("button").TextContent);
    }

    [Fact]
    public void A_lost_connection_is_said_in_plain_words()
    {
        _room.Drop("RequestHelp");
        var cut = Render<HelpButton>(p => p.Add(c => c.Room, _room));

        cut.Find("button.help-button").Click();
        cut.Find("form").Submit();

        Assert.StartsWith("We could not connect to the room.", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".help-sent"));
    }
}
