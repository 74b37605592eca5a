using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

public class ScheduleTests
{
    private static readonly ScheduleRule Valid = Rule(MonWedThu, 18, 0, 180, Chicago, Date(2026, 6, 1), Date(2026, 8, 31));

    [Fact]
    public void A_valid_rule_is_stored_as_given()
    {
        var schedule = Create(Valid);

        Assert.Equal(Valid, schedule.Rule);
    }

    [Theory]
    [InlineData(WeekDays.None)]
    [InlineData((WeekDays)128)]
    [InlineData(WeekDays.Monday | (WeekDays)256)]
    public void Days_must_name_at_least_one_real_weekday(WeekDays days)
    {
        AssertRejected(Valid with { Days = days }, "Days");
    }

    [Fact]
    public void End_date_before_start_date_is_rejected()
    {
        AssertRejected(Valid with { StartDate = Date(2026, 6, 2), EndDate = Date(2026, 6, 1) }, "EndDate");
    }

    [Fact]
    public void Start_and_end_on_the_same_day_is_allowed()
    {
        var schedule = Create(Valid with { StartDate = Date(2026, 6, 1), EndDate = Date(2026, 6, 1) });

        Assert.Equal(schedule.StartDate, schedule.EndDate);
    }

    [Fact]
    public void A_span_of_366_days_is_allowed_and_367_is_rejected()
    {
        var start = Date(2026, 1, 1);

        Assert.Equal(start.AddDays(366), Create(Valid with { StartDate = start, EndDate = start.AddDays(366) }).EndDate);
        AssertRejected(Valid with { StartDate = start, EndDate = start.AddDays(367) }, "EndDate");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    [InlineData(721)]
    [InlineData(-180)]
    public void Duration_outside_15_minutes_to_12_hours_is_rejected(int minutes)
    {
        AssertRejected(Valid with { DurationMinutes = minutes }, "DurationMinutes");
    }

    [Theory]
    [InlineData(15)]
    [InlineData(720)]
    public void Duration_limits_are_inclusive(int minutes)
    {
        Assert.Equal(minutes, Create(Valid with { DurationMinutes = minutes }).DurationMinutes);
    }

    [Theory]
    [InlineData("Central Standard Time")]
    [InlineData("Not/AZone")]
    [InlineData("")]
    [InlineData("   ")]
    public void Time_zone_must_be_an_iana_id(string zone)
    {
        // Windows ids resolve on Linux through ICU, but stored ids must mean the same thing on every host.
        AssertRejected(Valid with { TimeZoneId = zone }, "TimeZoneId");
    }

    [Fact]
    public void Surrounding_whitespace_in_the_zone_is_trimmed()
    {
        Assert.Equal(Chicago, Create(Valid with { TimeZoneId = "  America/Chicago " }).TimeZoneId);
    }

    [Fact]
    public void Topics_are_trimmed_and_blanks_dropped()
    {
        var schedule = new Schedule(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Valid, ["  Grief ", "", "   ", "Anger"]);

        Assert.Equal(["Grief", "Anger"], schedule.Topics);
    }

    [Fact]
    public void No_topics_means_the_default_agenda()
    {
        var schedule = Create(Valid);

        Assert.Equal(SessionTopics.Default, schedule.Topics);
        Assert.Equal(12, schedule.Topics.Count);
    }

    [Fact]
    public void Too_many_or_too_long_topics_are_rejected()
    {
        var tooMany = Enumerable.Range(0, 61).Select(i => $"Topic {i}");
        var tooLong = new[] { new string('x', 121) };

        var many = Assert.Throws<DomainRuleException>(() => new Schedule(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Valid, tooMany));
        var longOne = Assert.Throws<DomainRuleException>(() => new Schedule(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Valid, tooLong));

        Assert.Equal("Topics", many.Field);
        Assert.Equal("Topics", longOne.Field);
    }

    [Fact]
    public void A_rejected_change_leaves_the_schedule_as_it_was()
    {
        var schedule = Create(Valid);

        Assert.Throws<DomainRuleException>(() => schedule.Change(Valid with { DurationMinutes = 5, Days = WeekDays.Friday }, []));

        Assert.Equal(Valid, schedule.Rule);
    }

    [Fact]
    public void Change_keeps_the_identity_and_replaces_the_rule()
    {
        var schedule = Create(Valid);
        var id = schedule.Id;
        var changed = Valid with { Days = WeekDays.Tuesday, StartTime = new TimeOnly(17, 30) };

        schedule.Change(changed, ["Anger"]);

        Assert.Equal(id, schedule.Id);
        Assert.Equal(changed, schedule.Rule);
        Assert.Equal(["Anger"], schedule.Topics);
    }

    private static Schedule Create(ScheduleRule rule) => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), rule, []);

    private static void AssertRejected(ScheduleRule rule, string field)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Create(rule));
        Assert.Equal(field, ex.Field);
    }
}
