using Bunit;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Web.Pages.Admin.Schedules;
using IopTelehealth.Web.Tests.Fakes;

namespace IopTelehealth.Web.Tests.Pages.Admin.Schedules;

public sealed class ScheduleEditTests : WebTestContext
{
    public ScheduleEditTests() => Groups.Items.Add(TestData.Group());

    [Fact]
    public void Group_a_day_a_start_time_and_dates_are_required()
    {
        var cut = Render<ScheduleEdit>();

        cut.Find("form").Submit();

        Assert.Equal("The GroupId field is required.", cut.Find("#group ~ .validation-message").TextContent);
        Assert.Equal("Pick at least one day.", cut.Find("fieldset.days ~ .validation-message").TextContent);
        Assert.Equal("The StartTime field is required.", cut.Find("#start-time ~ .validation-message").TextContent);
        Assert.Equal("The StartDate field is required.", cut.Find("#start-date ~ .validation-message").TextContent);
        Assert.Equal("The EndDate field is required.", cut.Find("#end-date ~ .validation-message").TextContent);
        Assert.Empty(Schedules.Created);
    }

    [Fact]
    public void Sends_the_checked_days_times_dates_and_one_topic_per_line()
    {
        Schedules.Items.Add(TestData.Schedule());
        var cut = Render<ScheduleEdit>();
        cut.Find("#group").Change(TestData.GroupId.ToString());
        cut.Find("#day-Monday").Change(true);
        cut.Find("#day-Thursday").Change(true);
        cut.Find("#start-time").Change("18:00");
        cut.Find("#duration").Change("180");
        cut.Find("#start-date").Change("2026-06-01");
        cut.Find("#end-date").Change("2026-08-23");
        cut.Find("#topics").Change("Check-in\n\n  Relapse prevention  \n");

        cut.Find("form").Submit();

        var created = Assert.Single(Schedules.Created);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], created.Days);
        Assert.Equal(new TimeOnly(18, 0), created.StartTime);
        Assert.Equal(new DateOnly(2026, 6, 1), created.StartDate);
        Assert.Equal(new DateOnly(2026, 8, 23), created.EndDate);
        Assert.Equal(["Check-in", "Relapse prevention"], created.Topics);
        Assert.Equal("/admin/schedules", CurrentPath);
    }

    [Fact]
    public void Editing_starts_from_the_stored_schedule_and_shows_the_servers_zone_error()
    {
        Schedules.Items.Add(TestData.Schedule());
        Schedules.SaveAnswer = _ => TestData.Invalid<ScheduleDto>("TimeZoneId", "Unknown time zone 'Mars/Olympus'.");
        var cut = Render<ScheduleEdit>(p => p.Add(x => x.Id, TestData.Schedule().Id));

        Assert.True(cut.Find("#day-Wednesday").HasAttribute("checked"));
        Assert.False(cut.Find("#day-Tuesday").HasAttribute("checked"));
        Assert.Equal("Check-in\nRelapse prevention", cut.Find("#topics").GetAttribute("value") ?? cut.Find("#topics").TextContent);
        cut.Find("#zone").Change("Mars/Olympus");
        cut.Find("form").Submit();

        Assert.Equal("Unknown time zone 'Mars/Olympus'.", cut.Find("#zone ~ .validation-message").TextContent);
        Assert.Single(Schedules.Updated);
    }
}
