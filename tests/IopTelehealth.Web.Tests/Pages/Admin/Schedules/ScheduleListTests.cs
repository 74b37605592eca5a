using Bunit;
using IopTelehealth.Web.Pages.Admin.Schedules;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Schedules;

public sealed class ScheduleListTests : WebTestContext
{
    [Fact]
    public void Lists_each_schedule_with_days_in_week_order_and_its_zone()
    {
        SignInAs(AppRoles.Staff);
        Schedules.Items.Add(TestData.Schedule());

        var cut = Render<ScheduleList>();

        var cells = Assert.Single(cut.FindAll("tbody tr")).QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal("Tuesday-Thursday Evening Group", cells[0]);
        Assert.Equal("Mon, Wed, Thu", cells[1]);
        Assert.Equal("6:00 PM for 180 min (America/Chicago)", cells[2]);
        Assert.Equal("Jun 1, 2026 – Aug 23, 2026", cells[3]);
        Assert.Equal("30", cells[4]);
        Assert.Equal("admin/schedules/new", cut.Find("a.button").GetAttribute("href"));
    }
}
