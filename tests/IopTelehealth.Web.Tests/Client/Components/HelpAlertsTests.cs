using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class HelpAlertsTests : WebTestContext
{
    [Fact]
    public void Shows_who_what_where_and_whom_to_call_as_an_alert()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.HelpRequests = [TestRooms.Help()];

        var cut = Render<HelpAlerts>(p => p.Add(c => c.Room, room));

        var alert = cut.Find("section.help-alert");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("River needs help", alert.QuerySelector("h2")!.TextContent);
        Assert.Equal("I need to step out and talk", alert.QuerySelector(".message")!.TextContent);
        Assert.Equal("Home, Evanston (IL)", alert.QuerySelector(".location")!.TextContent);
        alert.QuerySelector(".contact a")!.MarkupMatches("""<a href="tel:+1-312-555-0111">+1-312-555-0111</a>""");
        Assert.Contains("Linh Nguyen", alert.QuerySelector(".contact")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_location_and_contact_are_said_not_left_blank()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.HelpRequests = [TestRooms.Help() with { Location = null, State = null, EmergencyContactName = null, EmergencyContactPhone = null }];

        var cut = Render<HelpAlerts>(p => p.Add(c => c.Room, room));

        Assert.Equal("not given", cut.Find(".location").TextContent);
        Assert.Equal("none on file", cut.Find(".contact").TextContent.Trim());
    }

    [Fact]
    public void A_dismissed_alert_goes_away_and_a_new_one_still_shows()
    {
        var room = TestRooms.Admitted(selfId: TestRooms.TherapistId);
        room.HelpRequests = [TestRooms.Help()];
        var cut = Render<HelpAlerts>(p => p.Add(c => c.Room, room));

        cut.Find("section.help-alert button").Click();
        Assert.Empty(cut.FindAll("section.help-alert"));
        room.HelpRequests = [TestRooms.Help(), TestRooms.Help("Again") with { At = TestData.MondayEvening.AddMinutes(40) }];
        cut.Render();

        Assert.Equal("Again", cut.Find("section.help-alert .message").TextContent);
    }
}
