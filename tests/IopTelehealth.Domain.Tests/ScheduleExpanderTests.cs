using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

public class ScheduleExpanderTests
{
    [Fact]
    public void Only_the_named_weekdays_produce_slots()
    {
        // 1 June 2026 is a Monday; two weeks of Tuesday and Friday sessions.
        var slots = ScheduleExpander.Expand(
            Rule(WeekDays.Tuesday | WeekDays.Friday, 10, 0, 120, Kolkata, Date(2026, 6, 1), Date(2026, 6, 14)), []);

        Assert.Equal([Date(2026, 6, 2), Date(2026, 6, 5), Date(2026, 6, 9), Date(2026, 6, 12)], slots.Select(s => s.LocalDate));
        Assert.All(slots, s => Assert.Contains(s.LocalDate.DayOfWeek, new[] { DayOfWeek.Tuesday, DayOfWeek.Friday }));
    }

    [Fact]
    public void Start_and_end_dates_are_both_included()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, Chicago, Date(2026, 6, 1), Date(2026, 6, 11)), []);

        Assert.Equal(Date(2026, 6, 1), slots[0].LocalDate);
        Assert.Equal(Date(2026, 6, 11), slots[^1].LocalDate);
        Assert.Equal(6, slots.Count);
    }

    [Fact]
    public void A_one_day_schedule_yields_one_slot_when_the_day_matches_and_none_otherwise()
    {
        var monday = ScheduleExpander.Expand(Rule(WeekDays.Monday, 9, 0, 60, Chicago, Date(2026, 6, 1), Date(2026, 6, 1)), []);
        var tuesday = ScheduleExpander.Expand(Rule(WeekDays.Monday, 9, 0, 60, Chicago, Date(2026, 6, 2), Date(2026, 6, 2)), []);

        Assert.Equal(Date(2026, 6, 1), Assert.Single(monday).LocalDate);
        Assert.Empty(tuesday);
    }

    [Fact]
    public void Boundary_dates_on_unscheduled_days_add_nothing()
    {
        // Sunday 31 May to Saturday 6 June: only the Monday inside counts.
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Monday, 9, 0, 60, Chicago, Date(2026, 5, 31), Date(2026, 6, 6)), []);

        Assert.Equal(Date(2026, 6, 1), Assert.Single(slots).LocalDate);
    }

    [Fact]
    public void Topics_cycle_in_order_across_sessions()
    {
        var slots = ScheduleExpander.Expand(
            Rule(MonWedThu, 18, 0, 180, Chicago, Date(2026, 6, 1), Date(2026, 6, 15)), ["Anger", "Boundaries", "Cravings"]);

        Assert.Equal(7, slots.Count);
        Assert.Equal(
            ["Anger", "Boundaries", "Cravings", "Anger", "Boundaries", "Cravings", "Anger"],
            slots.Select(s => s.Topic));
    }

    [Fact]
    public void Empty_topics_fall_back_to_the_default_agenda_and_wrap_after_twelve()
    {
        // 13 Mondays: the 13th session starts the default agenda again.
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Monday, 18, 0, 180, Chicago, Date(2026, 6, 1), Date(2026, 8, 24)), []);

        Assert.Equal(13, slots.Count);
        Assert.Equal("Relapse prevention", slots[0].Topic);
        Assert.Equal("Coping skills", slots[1].Topic);
        Assert.Equal("Codependency", slots[2].Topic);
        Assert.Equal("Planning for high-risk situations", slots[11].Topic);
        Assert.Equal("Relapse prevention", slots[12].Topic);
    }

    [Fact]
    public void Every_slot_lasts_the_rule_duration()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 9, 15, 95, Chicago, Date(2026, 6, 1), Date(2026, 6, 30)), []);

        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(95), s.End - s.Start));
    }

    [Fact]
    public void A_schedule_expands_its_own_rule_and_topics()
    {
        var schedule = new Schedule(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            Rule(WeekDays.Wednesday, 18, 0, 180, Chicago, Date(2026, 6, 1), Date(2026, 6, 30)), [" Grief ", ""]);

        var slots = ScheduleExpander.Expand(schedule.Rule, schedule.Topics);

        // Wednesdays in June 2026: 3, 10, 17, 24. 18:00 CDT = 23:00Z.
        Assert.Equal([Utc(2026, 6, 3, 23), Utc(2026, 6, 10, 23), Utc(2026, 6, 17, 23), Utc(2026, 6, 24, 23)], slots.Select(s => s.Start));
        Assert.All(slots, s => Assert.Equal("Grief", s.Topic));
    }
}
