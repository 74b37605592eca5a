using IopTelehealth.Domain.Clinics;

namespace IopTelehealth.Domain.Attendance;

/// <summary>A Monday–Sunday week in the clinic's time zone, with its exact instants (167 or 169 hours across a DST change).</summary>
public sealed record ClinicWeek(DateOnly Monday, DateTimeOffset Start, DateTimeOffset End)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public static ClinicWeek Containing(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return new ClinicWeek(monday, Scheduling.ScheduleExpander.ToInstant(monday.ToDateTime(TimeOnly.MinValue), zone),
            Scheduling.ScheduleExpander.ToInstant(monday.AddDays(7).ToDateTime(TimeOnly.MinValue), zone));
    }

    public static ClinicWeek Containing(DateTimeOffset instant, TimeZoneInfo zone) =>
        Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime), zone);

    public bool Contains(DateOnly date) => date >= Monday && date <= Sunday;
}

/// <summary>One day of the week: minutes attended and whether they reach the program's daily minimum (H0015: 3 hours).</summary>
public sealed record ComplianceDay(DateOnly Date, int Minutes, bool MeetsDailyMinimum);

/// <summary>
/// A patient's week against the program: minutes attended versus the weekly requirement, days meeting the daily minimum,
/// and an early warning as soon as the sessions still to come this week cannot make up the difference.
/// </summary>
public sealed record WeeklyCompliance(ClinicWeek Week, int MinutesAttended, int RequiredMinutes, IReadOnlyList<ComplianceDay> Days,
    int DaysMeetingMinimum, int RemainingScheduledMinutes, bool MeetsRequirement, bool CannotReachRequirement)
{
    /// <param name="sessions">The patient's scheduled (not cancelled) sessions whose local date falls in the week.</param>
    /// <param name="attendance">The patient's attendance in those sessions.</param>
    public static WeeklyCompliance Compute(ClinicWeek week, ProgramSettings program, IReadOnlyList<SessionWindow> sessions,
        IReadOnlyList<SessionAttendance> attendance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(attendance);
        var inWeek = sessions.Where(s => week.Contains(s.LocalDate)).ToList();
        var minutesBySession = attendance.ToDictionary(a => a.SessionId, a => a.Minutes);
        var days = inWeek
            .GroupBy(s => s.LocalDate)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var minutes = g.Sum(s => minutesBySession.GetValueOrDefault(s.SessionId));
                return new ComplianceDay(g.Key, minutes, minutes >= program.MinimumMinutesPerDay);
            })
            .ToList();
        var attended = days.Sum(d => d.Minutes);

        // What can still be earned: sessions not yet started count whole, a running one counts what is left of it.
        var remaining = inWeek.Sum(s => s.ScheduledEnd <= now ? 0
            : s.ScheduledStart >= now ? s.ScheduledMinutes
            : (int)(s.ScheduledEnd - now).TotalMinutes);
        var meets = attended >= program.RequiredMinutesPerWeek;
        return new WeeklyCompliance(week, attended, program.RequiredMinutesPerWeek, days, days.Count(d => d.MeetsDailyMinimum), remaining, meets,
            !meets && attended + remaining < program.RequiredMinutesPerWeek);
    }
}
