using IopTelehealth.Domain.Scheduling;

namespace IopTelehealth.Domain.Tests;

/// <summary>Shared builders so each test states only the values it is about.</summary>
internal static class TestTime
{
    public const string Chicago = "America/Chicago";
    public const string London = "Europe/London";
    public const string Kolkata = "Asia/Kolkata";

    public const WeekDays MonWedThu = WeekDays.Monday | WeekDays.Wednesday | WeekDays.Thursday;

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    public static ScheduleRule Rule(
        WeekDays days,
        int hour,
        int minute,
        int durationMinutes,
        string zone,
        DateOnly start,
        DateOnly end) =>
        new(days, new TimeOnly(hour, minute), durationMinutes, zone, start, end);

    /// <summary>The wall clock of an instant in a zone, computed by the BCL rather than by the code under test.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, string zoneId) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
}
