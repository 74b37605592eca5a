using IopTelehealth.Domain.Scheduling;

namespace IopTelehealth.Domain.Tests;

public class WeekDaysTests
{
    public static readonly TheoryData<DayOfWeek, WeekDays> Pairs = new()
    {
        { DayOfWeek.Monday, WeekDays.Monday },
        { DayOfWeek.Tuesday, WeekDays.Tuesday },
        { DayOfWeek.Wednesday, WeekDays.Wednesday },
        { DayOfWeek.Thursday, WeekDays.Thursday },
        { DayOfWeek.Friday, WeekDays.Friday },
        { DayOfWeek.Saturday, WeekDays.Saturday },
        { DayOfWeek.Sunday, WeekDays.Sunday },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_day_maps_to_its_own_flag(DayOfWeek day, WeekDays flag)
    {
        Assert.Equal(flag, day.ToWeekDays());
    }

    [Fact]
    public void An_undefined_day_maps_to_none()
    {
        Assert.Equal(WeekDays.None, ((DayOfWeek)7).ToWeekDays());
        Assert.False(((WeekDays)127).Contains((DayOfWeek)7));
    }

    [Fact]
    public void Contains_is_true_only_for_days_in_the_set()
    {
        var set = WeekDays.Monday | WeekDays.Sunday;

        Assert.True(set.Contains(DayOfWeek.Monday));
        Assert.True(set.Contains(DayOfWeek.Sunday));
        Assert.False(set.Contains(DayOfWeek.Tuesday));
        Assert.False(set.Contains(DayOfWeek.Saturday));
        Assert.False(WeekDays.None.Contains(DayOfWeek.Monday));
    }

    [Fact]
    public void FromDays_unions_the_days_and_ignores_repeats()
    {
        var set = WeekDaysExtensions.FromDays([DayOfWeek.Thursday, DayOfWeek.Monday, DayOfWeek.Thursday]);

        Assert.Equal(WeekDays.Monday | WeekDays.Thursday, set);
        Assert.Equal(WeekDays.None, WeekDaysExtensions.FromDays([]));
    }

    [Fact]
    public void ToDays_lists_monday_first_and_sunday_last()
    {
        var all = (WeekDays)127;

        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday],
            all.ToDays());
        Assert.Equal([DayOfWeek.Wednesday, DayOfWeek.Sunday], (WeekDays.Sunday | WeekDays.Wednesday).ToDays());
        Assert.Empty(WeekDays.None.ToDays());
    }

    [Fact]
    public void Every_set_round_trips_through_its_days()
    {
        for (var bits = 0; bits < 128; bits++)
        {
            var set = (WeekDays)bits;
            Assert.Equal(set, WeekDaysExtensions.FromDays(set.ToDays()));
            Assert.Equal(int.PopCount(bits), set.ToDays().Count);
        }
    }
}
