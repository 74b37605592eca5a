using IopTelehealth.Web.Components.Time;

namespace IopTelehealth.Web.Tests.Components.Time;

public sealed class ClinicTimeTests
{
    [Fact]
    public void Shows_the_clinics_wall_clock_not_utc()
    {
        var instant = new DateTimeOffset(2026, 1, 6, 0, 30, 0, TimeSpan.Zero);

        Assert.Equal("Mon, Jan 5", ClinicTime.Day(instant, "America/Chicago"));
        Assert.Equal("6:30 PM", ClinicTime.Clock(instant, "America/Chicago"));
        Assert.Equal("7:30 PM", ClinicTime.Clock(instant, "America/New_York"));
    }

    [Fact]
    public void Follows_daylight_saving_time()
    {
        var winter = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal("6:00 PM – 9:00 PM", ClinicTime.Range(winter, winter.AddHours(3), "America/Chicago"));
        Assert.Equal("6:00 PM – 9:00 PM", ClinicTime.Range(summer, summer.AddHours(3), "America/Chicago"));
    }

    [Fact]
    public void An_unknown_zone_falls_back_to_utc_instead_of_failing_the_page()
    {
        var instant = new DateTimeOffset(2026, 6, 1, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal("11:00 PM", ClinicTime.Clock(instant, "Not/AZone"));
    }

    [Fact]
    public void Week_days_are_listed_monday_first()
    {
        Assert.Equal("Mon, Wed, Thu", WeekDayNames.List([DayOfWeek.Thursday, DayOfWeek.Monday, DayOfWeek.Wednesday]));
        Assert.Equal("Sun", WeekDayNames.List([DayOfWeek.Sunday]));
    }
}
