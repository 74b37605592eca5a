using IopTelehealth.Domain.Scheduling;
using static IopTelehealth.Domain.Tests.TestTime;

namespace IopTelehealth.Domain.Tests;

/// <summary>
/// America/Chicago in 2026: CST is UTC-6, CDT is UTC-5. DST starts Sunday 8 March at 02:00 (clocks jump to 03:00)
/// and ends Sunday 1 November at 02:00 (clocks fall back to 01:00). Expected instants are worked out by hand from
/// those offsets so a wrong offset in the expander cannot also be in the expectation.
/// </summary>
public class ScheduleExpanderDstTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);
    private static readonly TimeSpan Cdt = TimeSpan.FromHours(-5);

    [Fact]
    public void Spring_forward_week_keeps_1800_local_while_the_utc_instant_moves_an_hour_earlier()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, Chicago, Date(2026, 3, 2), Date(2026, 3, 12)), []);

        // 18:00 CST is 00:00Z on the next UTC day; 18:00 CDT is 23:00Z on the same day.
        DateTimeOffset[] expectedStarts =
        [
            Utc(2026, 3, 3, 0), Utc(2026, 3, 5, 0), Utc(2026, 3, 6, 0),
            Utc(2026, 3, 9, 23), Utc(2026, 3, 11, 23), Utc(2026, 3, 12, 23),
        ];
        DateOnly[] expectedDates =
        [
            Date(2026, 3, 2), Date(2026, 3, 4), Date(2026, 3, 5),
            Date(2026, 3, 9), Date(2026, 3, 11), Date(2026, 3, 12),
        ];
        Assert.Equal(expectedStarts, slots.Select(s => s.Start));
        Assert.Equal(expectedDates, slots.Select(s => s.LocalDate));
        Assert.Equal([Cst, Cst, Cst, Cdt, Cdt, Cdt], slots.Select(s => InZone(s.Start, Chicago).Offset));
        AssertEveryStartIs1800LocalFor3Hours(slots);
    }

    [Fact]
    public void Fall_back_week_keeps_1800_local_while_the_utc_instant_moves_an_hour_later()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, Chicago, Date(2026, 10, 26), Date(2026, 11, 5)), []);

        DateTimeOffset[] expectedStarts =
        [
            Utc(2026, 10, 26, 23), Utc(2026, 10, 28, 23), Utc(2026, 10, 29, 23),
            Utc(2026, 11, 3, 0), Utc(2026, 11, 5, 0), Utc(2026, 11, 6, 0),
        ];
        DateOnly[] expectedDates =
        [
            Date(2026, 10, 26), Date(2026, 10, 28), Date(2026, 10, 29),
            Date(2026, 11, 2), Date(2026, 11, 4), Date(2026, 11, 5),
        ];
        Assert.Equal(expectedStarts, slots.Select(s => s.Start));
        Assert.Equal(expectedDates, slots.Select(s => s.LocalDate));
        Assert.Equal([Cdt, Cdt, Cdt, Cst, Cst, Cst], slots.Select(s => InZone(s.Start, Chicago).Offset));
        AssertEveryStartIs1800LocalFor3Hours(slots);
    }

    [Fact]
    public void Slots_are_stored_as_utc_instants()
    {
        var slots = ScheduleExpander.Expand(Rule(MonWedThu, 18, 0, 180, Chicago, Date(2026, 3, 2), Date(2026, 3, 12)), []);

        Assert.All(slots, s =>
        {
            Assert.Equal(TimeSpan.Zero, s.Start.Offset);
            Assert.Equal(TimeSpan.Zero, s.End.Offset);
        });
    }

    [Fact]
    public void Sunday_0230_on_spring_forward_day_is_shifted_past_the_gap_to_0330_cdt()
    {
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Sunday, 2, 30, 60, Chicago, Date(2026, 3, 1), Date(2026, 3, 15)), []);

        // 1 Mar 02:30 CST = 08:30Z; 8 Mar 02:30 does not exist, 03:30 CDT = 08:30Z; 15 Mar 02:30 CDT = 07:30Z.
        Assert.Equal([Utc(2026, 3, 1, 8, 30), Utc(2026, 3, 8, 8, 30), Utc(2026, 3, 15, 7, 30)], slots.Select(s => s.Start));
        var gapDay = InZone(slots[1].Start, Chicago);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, Cdt), gapDay);
        Assert.Equal(Date(2026, 3, 8), slots[1].LocalDate);
        Assert.Equal(TimeSpan.FromHours(1), slots[1].End - slots[1].Start);
    }

    [Fact]
    public void Sunday_0130_on_fall_back_day_takes_the_first_occurrence_in_cdt()
    {
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Sunday, 1, 30, 60, Chicago, Date(2026, 10, 25), Date(2026, 11, 8)), []);

        // 01:30 happens twice on 1 Nov: 06:30Z (CDT) and 07:30Z (CST); the first is wanted.
        Assert.Equal([Utc(2026, 10, 25, 6, 30), Utc(2026, 11, 1, 6, 30), Utc(2026, 11, 8, 7, 30)], slots.Select(s => s.Start));
        Assert.Equal(Cdt, InZone(slots[1].Start, Chicago).Offset);
    }

    [Fact]
    public void A_session_spanning_spring_forward_lasts_its_elapsed_duration_and_ends_an_hour_later_on_the_wall_clock()
    {
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Saturday, 23, 0, 240, Chicago, Date(2026, 3, 7), Date(2026, 3, 7)), []);

        var slot = Assert.Single(slots);
        Assert.Equal(Utc(2026, 3, 8, 5), slot.Start);
        Assert.Equal(Utc(2026, 3, 8, 9), slot.End);
        // Four real hours from 23:00 CST reach 04:00 CDT: billing counts the hours attended, not the clock face.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 4, 0, 0, Cdt), InZone(slot.End, Chicago));
        Assert.Equal(Date(2026, 3, 7), slot.LocalDate);
    }

    [Fact]
    public void A_session_spanning_fall_back_lasts_its_elapsed_duration_and_ends_an_hour_earlier_on_the_wall_clock()
    {
        var slots = ScheduleExpander.Expand(Rule(WeekDays.Saturday, 23, 0, 240, Chicago, Date(2026, 10, 31), Date(2026, 10, 31)), []);

        var slot = Assert.Single(slots);
        Assert.Equal(Utc(2026, 11, 1, 4), slot.Start);
        Assert.Equal(Utc(2026, 11, 1, 8), slot.End);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 0, 0, Cst), InZone(slot.End, Chicago));
    }

    private static void AssertEveryStartIs1800LocalFor3Hours(IReadOnlyList<SessionSlot> slots)
    {
        Assert.All(slots, s =>
        {
            var local = InZone(s.Start, Chicago);
            Assert.Equal(new TimeOnly(18, 0), TimeOnly.FromDateTime(local.DateTime));
            Assert.Equal(s.LocalDate, DateOnly.FromDateTime(local.DateTime));
            Assert.Equal(TimeSpan.FromHours(3), s.End - s.Start);
        });
    }
}
