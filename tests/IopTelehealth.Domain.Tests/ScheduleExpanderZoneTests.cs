using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

/// <summary>
/// Zones other than Chicago, so the expander is not tuned to one rule set. Europe/London in 2026: GMT (UTC+0)
/// until Sunday 29 March 01:00, then BST (UTC+1) until Sunday 25 October 02:00. Asia/Kolkata is UTC+05:30 all year.
/// </summary>
public class ScheduleExpanderZoneTests
{
    private static readonly TimeSpan Gmt = TimeSpan.Zero;
    private static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    [Fact]
    public void London_spring_forward_week_keeps_1800_local_and_moves_from_1800z_to_1700z()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, London, Date(2026, 3, 23), Date(2026, 4, 2)), []);

        DateTimeOffset[] expected =
        [
            Utc(2026, 3, 23, 18), Utc(2026, 3, 25, 18), Utc(2026, 3, 26, 18),
            Utc(2026, 3, 30, 17), Utc(2026, 4, 1, 17), Utc(2026, 4, 2, 17),
        ];
        Assert.Equal(expected, slots.Select(s => s.Start));
        Assert.Equal([Gmt, Gmt, Gmt, Bst, Bst, Bst], slots.Select(s => InZone(s.Start, London).Offset));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(3), s.End - s.Start));
    }

    [Fact]
    public void London_fall_back_week_keeps_1800_local_and_moves_from_1700z_to_1800z()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, London, Date(2026, 10, 19), Date(2026, 10, 29)), []);

        DateTimeOffset[] expected =
        [
            Utc(2026, 10, 19, 17), Utc(2026, 10, 21, 17), Utc(2026, 10, 22, 17),
            Utc(2026, 10, 26, 18), Utc(2026, 10, 28, 18), Utc(2026, 10, 29, 18),
        ];
        Assert.Equal(expected, slots.Select(s => s.Start));
    }

    [Fact]
    public void London_changes_on_its_own_dates_not_on_chicagos()
    {
        // Between 8 and 29 March Chicago is already on summer time while London is not.
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Monday, 18, 0, 60, London, Date(2026, 3, 9), Date(2026, 3, 9)), []);

        Assert.Equal(Utc(2026, 3, 9, 18), Assert.Single(slots).Start);
    }

    [Fact]
    public void London_gap_and_overlap_follow_the_same_rules_as_chicago()
    {
        var gap = ScheduleExpander.Expand(Rule(WeekDays.Sunday, 1, 30, 60, London, Date(2026, 3, 29), Date(2026, 3, 29)), []);
        var overlap = ScheduleExpander.Expand(Rule(WeekDays.Sunday, 1, 30, 60, London, Date(2026, 10, 25), Date(2026, 10, 25)), []);

        // 01:30 does not exist on 29 March: 02:30 BST = 01:30Z. On 25 October the first 01:30 is BST = 00:30Z.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), Assert.Single(gap).Start);
        Assert.Equal(Utc(2026, 10, 25, 0, 30), Assert.Single(overlap).Start);
    }

    [Fact]
    public void Kolkata_has_no_dst_so_the_utc_instant_never_moves()
    {
        var spring = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, Kolkata, Date(2026, 3, 2), Date(2026, 3, 12)), []);
        var autumn = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, Kolkata, Date(2026, 10, 26), Date(2026, 11, 5)), []);

        Assert.Equal(6, spring.Count);
        Assert.Equal(6, autumn.Count);
        Assert.All(spring.Concat(autumn), s =>
        {
            Assert.Equal(new TimeSpan(12, 30, 0), s.Start.TimeOfDay);
            Assert.Equal(DateOnly.FromDateTime(s.Start.UtcDateTime), s.LocalDate);
            Assert.Equal(TimeSpan.FromHours(3), s.End - s.Start);
        });
    }

    [Fact]
    public void Kolkata_early_morning_session_keeps_its_local_date_although_utc_is_still_the_day_before()
    {
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Monday, 2, 0, 90, Kolkata, Date(2026, 3, 2), Date(2026, 3, 2)), []);

        var slot = Assert.Single(slots);
        Assert.Equal(Utc(2026, 3, 1, 20, 30), slot.Start);
        Assert.Equal(Date(2026, 3, 2), slot.LocalDate);
        Assert.Equal(Utc(2026, 3, 1, 22), slot.End);
    }
}
