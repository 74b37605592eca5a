using System.Globalization;

namespace IopTelehealth.Web.Components.Time;

/// <summary>
/// Shows instants on the clinic's wall clock. The server renders the pages, so the browser's zone is unknown and the
/// server's own zone is meaningless to a patient: every DTO carries the zone to use.
/// </summary>
public static class ClinicTime
{
    private static readonly CultureInfo Format = CultureInfo.GetCultureInfo("en-US");

    public static DateTime ToLocal(DateTimeOffset instant, string? timeZoneId) =>
        TimeZoneInfo.ConvertTime(instant, Zone(timeZoneId)).DateTime;

    /// <summary>"Mon, Jun 2".</summary>
    public static string Day(DateTimeOffset instant, string? timeZoneId) => ToLocal(instant, timeZoneId).ToString("ddd, MMM d", Format);

    /// <summary>"Monday, June 2".</summary>
    public static string LongDay(DateOnly date) => date.ToString("dddd, MMMM d", Format);

    public static string ShortDate(DateOnly date) => date.ToString("MMM d, yyyy", Format);

    /// <summary>"6:00 PM".</summary>
    public static string Clock(DateTimeOffset instant, string? timeZoneId) => ToLocal(instant, timeZoneId).ToString("h:mm tt", Format);

    public static string Clock(TimeOnly time) => time.ToString("h:mm tt", Format);

    /// <summary>"6:00 PM – 9:00 PM".</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, string? timeZoneId) =>
        $"{Clock(start, timeZoneId)} – {Clock(end, timeZoneId)}";

    /// <summary>An unknown zone id shows UTC rather than failing the page; the id is still printed next to the times.</summary>
    private static TimeZoneInfo Zone(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
