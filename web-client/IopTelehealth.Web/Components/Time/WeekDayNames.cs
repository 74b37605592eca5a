namespace IopTelehealth.Web.Components.Time;

/// <summary>Days of the week in clinic order (Monday first) and their short names.</summary>
public static class WeekDayNames
{
    public static readonly IReadOnlyList<DayOfWeek> MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Abbreviation(DayOfWeek day) => day.ToString()[..3];

    /// <summary>"Mon, Wed, Thu", in week order whatever order the list is in.</summary>
    public static string List(IEnumerable<DayOfWeek> days)
    {
        var set = days.ToHashSet();
        return string.Join(", ", MondayFirst.Where(set.Contains).Select(Abbreviation));
    }
}
