using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Scheduling;

namespace IopTelehealth.Domain.Tests.Attendance;

/// <summary>The week of 2026-03-08, when America/New_York springs forward (Sunday 02:00 → 03:00).</summary>
public sealed class WeeklyComplianceDstTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly ProgramSettings Program = new();
    private static readonly Guid Patient = Guid.NewGuid();

    [Fact]
    public void The_week_is_monday_to_sunday_in_the_clinic_zone_and_167_hours_long()
    {
        var week = ClinicWeek.Containing(new DateOnly(2026, 3, 8), NewYork);

        Assert.Equal(new DateOnly(2026, 3, 2), week.Monday);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero), week.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), week.End);
        Assert.Equal(TimeSpan.FromHours(167), week.End - week.Start);
        // Sunday 23:30 in New York is already Monday in UTC; it still belongs to this week.
        Assert.Equal(week, ClinicWeek.Containing(new DateTimeOffset(2026, 3, 9, 3, 30, 0, TimeSpan.Zero), NewYork));
        Assert.NotEqual(week, ClinicWeek.Containing(new DateTimeOffset(2026, 3, 9, 4, 30, 0, TimeSpan.Zero), NewYork));
    }

    [Fact]
    public void Sessions_across_the_change_count_real_minutes_per_local_day()
    {
        var week = ClinicWeek.Containing(new DateOnly(2026, 3, 2), NewYork);
        // Saturday 23:00 → Sunday 04:00 is 5 hours on the wall clock, but the clock jumps: the session is 4 real hours.
        var overnight = Session(new DateTime(2026, 3, 7, 23, 0, 0), new DateTime(2026, 3, 8, 4, 0, 0));
        var monday = Session(new DateTime(2026, 3, 2, 18, 0, 0), new DateTime(2026, 3, 2, 21, 0, 0));
        var sunday = Session(new DateTime(2026, 3, 8, 18, 0, 0), new DateTime(2026, 3, 8, 21, 0, 0));
        var sessions = new[] { monday, overnight, sunday };

        Assert.Equal(240, overnight.ScheduledMinutes);
        var attendance = sessions.Select(s => SessionAttendance.Derive(s, Patient,
            [new AttendanceInterval(s.SessionId, Patient, AttendanceMode.Video, s.ScheduledStart, s.ScheduledEnd, AttendanceEndReason.SessionEnded, "a", "b")],
            Program, excused: false, asOf: s.ScheduledEnd)).ToList();
        var compliance = WeeklyCompliance.Compute(week, Program, sessions, attendance, now: week.End);

        Assert.Equal(180 + 240 + 180, compliance.MinutesAttended);
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8)], compliance.Days.Select(d => d.Date));
        Assert.Equal(3, compliance.DaysMeetingMinimum);
        Assert.True(compliance.MeetsRequirement);
        Assert.All(attendance, a => Assert.Equal(AttendanceStatus.Present, a.Status));
    }

    [Fact]
    public void Warns_as_soon_as_the_remaining_sessions_cannot_reach_the_requirement()
    {
        var week = ClinicWeek.Containing(new DateOnly(2026, 3, 2), NewYork);
        var sessions = Enumerable.Range(0, 4).Select(d => Session(new DateTime(2026, 3, 2 + d, 18, 0, 0), new DateTime(2026, 3, 2 + d, 21, 0, 0))).ToList();
        // Attends Monday fully, misses Tuesday: Wednesday + Thursday can still give 360 → 540 of 540.
        var attended = new List<SessionAttendance> { Attend(sessions[0], 180), Attend(sessions[1], 0) };
        var afterTuesday = WeeklyCompliance.Compute(week, Program, sessions, attended, sessions[1].ScheduledEnd);
        Assert.False(afterTuesday.CannotReachRequirement);
        Assert.Equal(360, afterTuesday.RemainingScheduledMinutes);

        // One minute into Wednesday's session without the patient: only 539 are still possible.
        var wednesday = WeeklyCompliance.Compute(week, Program, sessions, attended, sessions[2].ScheduledStart + TimeSpan.FromMinutes(1));
        Assert.True(wednesday.CannotReachRequirement);
        Assert.Equal(1, wednesday.DaysMeetingMinimum);
    }

    private static SessionWindow Session(DateTime localStart, DateTime localEnd) =>
        new(new SessionId(Guid.NewGuid()), DateOnly.FromDateTime(localStart), ScheduleExpander.ToInstant(localStart, NewYork), ScheduleExpander.ToInstant(localEnd, NewYork));

    private static SessionAttendance Attend(SessionWindow s, int minutes) => SessionAttendance.Derive(s, Patient,
        minutes == 0 ? [] : [new AttendanceInterval(s.SessionId, Patient, AttendanceMode.Video, s.ScheduledStart, s.ScheduledStart.AddMinutes(minutes), AttendanceEndReason.Left, "a", "b")],
        Program, excused: false, asOf: s.ScheduledEnd);
}
