namespace IopTelehealth.Domain.Scheduling;

/// <summary>A set of days of the week, stored as flags so a schedule row holds it in one column.</summary>
[Flags]
public enum WeekDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class WeekDaysExtensions
{
    public static bool Contains(this WeekDays days, DayOfWeek day) => (days & day.ToWeekDays()) != 0;

    public static WeekDays ToWeekDays(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => WeekDays.Monday,
        DayOfWeek.Tuesday => WeekDays.Tuesday,
        DayOfWeek.Wednesday => WeekDays.Wednesday,
        DayOfWeek.Thursday => WeekDays.Thursday,
        DayOfWeek.Friday => WeekDays.Friday,
        DayOfWeek.Saturday => WeekDays.Saturday,
        DayOfWeek.Sunday => WeekDays.Sunday,
        _ => WeekDays.None,
    };

    public static WeekDays FromDays(IEnumerable<DayOfWeek> days) => days.Aggregate(WeekDays.None, (set, d) => set | d.ToWeekDays());

    public static IReadOnlyList<DayOfWeek> ToDays(this WeekDays days) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => days.Contains(d)).OrderBy(d => ((int)d + 6) % 7)];
}
