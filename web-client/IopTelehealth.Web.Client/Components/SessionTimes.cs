using System.Globalization;

namespace IopTelehealth.Web.Client.Components;

/// <summary>Session times on the browser's own clock (the room page runs in the browser, which knows its zone).</summary>
public static class SessionTimes
{
    /// <summary>The invariant culture writes English day names and AM/PM, and needs no ICU data in the download.</summary>
    private static readonly CultureInfo Format = CultureInfo.InvariantCulture;

    /// <summary>"Monday, June 1 · 6:00 PM – 9:00 PM".</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end) =>
        $"{start.ToLocalTime().ToString("dddd, MMMM d", Format)} · {Clock(start)} – {Clock(end)}";

    /// <summary>"6:00 PM".</summary>
    public static string Clock(DateTimeOffset instant) => instant.ToLocalTime().ToString("h:mm tt", Format);
}
