using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Tests.Attendance;

/// <summary>
/// One patient's attendance derived from the ledger's intervals: minutes from the scheduled start, status, flags, and the
/// one "attended" rule the roster count, the dashboard rate and the billing group size share (docs/attendance.md).
/// </summary>
public sealed class SessionAttendanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);
    private static readonly SessionWindow Window = new(new SessionId(Guid.NewGuid()), new DateOnly(2026, 3, 2), Start, Start.AddHours(3));
    private static readonly ProgramSettings Program = new(LateArrivalMinutes: 10, EarlyLeaveMinutes: 10);
    private static readonly Guid Patient = Guid.NewGuid();

    [Fact]
    public void Forty_seconds_bill_no_minute_but_the_patient_attended()
    {
        var attendance = Derive([Interval(AttendanceMode.Video, Start.AddMinutes(30), Start.AddMinutes(30).AddSeconds(40))]);

        Assert.Equal((0, AttendanceStatus.Partial, true), (attendance.Minutes, attendance.Status, attendance.Attended));
        Assert.True(attendance.Late);
        Assert.True(attendance.LeftEarly);
    }

    [Fact]
    public void Waiting_in_a_room_opened_early_is_not_attendance()
    {
        var attendance = Derive([Interval(AttendanceMode.Video, Start.AddMinutes(-20), Start)]);

        Assert.Equal((0, AttendanceStatus.Absent, false), (attendance.Minutes, attendance.Status, attendance.Attended));
    }

    [Fact]
    public void The_whole_session_within_the_allowances_is_present_and_minutes_split_by_mode()
    {
        var attendance = Derive(
        [
            Interval(AttendanceMode.Video, Start.AddMinutes(-5), Start.AddMinutes(100)),
            Interval(AttendanceMode.AudioOnly, Start.AddMinutes(100), Start.AddMinutes(172).AddSeconds(30)),
        ]);

        Assert.Equal((172, AttendanceStatus.Present, true), (attendance.Minutes, attendance.Status, attendance.Attended));
        Assert.Equal(100, attendance.MinutesByMode[AttendanceMode.Video]);
        Assert.Equal(72, attendance.MinutesByMode[AttendanceMode.AudioOnly]);
        Assert.Equal([AttendanceMode.Video, AttendanceMode.AudioOnly], attendance.Modes);
        Assert.False(attendance.Late);
        Assert.False(attendance.LeftEarly);
    }

    [Fact]
    public void One_minute_short_of_the_allowances_is_partial()
    {
        var attendance = Derive([Interval(AttendanceMode.InPerson, Start.AddMinutes(11), Start.AddMinutes(170))]);

        Assert.Equal((159, AttendanceStatus.Partial), (attendance.Minutes, attendance.Status));
        Assert.True(attendance.Late);
        Assert.False(attendance.LeftEarly);
    }

    [Fact]
    public void An_open_interval_counts_up_to_now_and_the_patient_is_still_present()
    {
        var attendance = Derive([Interval(AttendanceMode.Video, Start.AddMinutes(2), end: null)], asOf: Start.AddMinutes(47).AddSeconds(59));

        Assert.Equal((45, true, AttendanceStatus.Partial, true), (attendance.Minutes, attendance.StillPresent, attendance.Status, attendance.Attended));
        Assert.Null(attendance.LastLeave);
        Assert.False(attendance.LeftEarly);
    }

    [Fact]
    public void A_patient_who_just_joined_attended_before_their_first_whole_second_counts()
    {
        var attendance = Derive([Interval(AttendanceMode.Video, Start.AddMinutes(5), end: null)], asOf: Start.AddMinutes(5));

        Assert.Equal((0, AttendanceStatus.Partial, true), (attendance.Minutes, attendance.Status, attendance.Attended));
    }

    [Theory]
    [InlineData(false, AttendanceStatus.Absent)]
    [InlineData(true, AttendanceStatus.Excused)]
    public void No_presence_is_absent_or_excused_and_neither_attended(bool excused, AttendanceStatus expected)
    {
        var attendance = SessionAttendance.Derive(Window, Patient, [], Program, excused, Window.ScheduledEnd);

        Assert.Equal((0, expected, false), (attendance.Minutes, attendance.Status, attendance.Attended));
        Assert.Null(attendance.FirstJoin);
    }

    [Fact]
    public void An_excuse_does_not_hide_a_presence()
    {
        var attendance = SessionAttendance.Derive(Window, Patient, [Interval(AttendanceMode.Video, Start, Start.AddMinutes(30))], Program, excused: true,
            Window.ScheduledEnd);

        Assert.Equal((AttendanceStatus.Partial, true), (attendance.Status, attendance.Attended));
    }

    [Fact]
    public void Intervals_of_other_patients_and_sessions_are_not_counted()
    {
        var elsewhere = new SessionId(Guid.NewGuid());
        var attendance = Derive(
        [
            Interval(AttendanceMode.Video, Start, Start.AddMinutes(60)),
            Interval(AttendanceMode.Video, Start, Start.AddMinutes(180)) with { UserId = Guid.NewGuid() },
            Interval(AttendanceMode.Video, Start, Start.AddMinutes(180)) with { SessionId = elsewhere },
        ]);

        Assert.Equal(60, attendance.Minutes);
    }

    private static SessionAttendance Derive(IEnumerable<AttendanceInterval> intervals, DateTimeOffset? asOf = null) =>
        SessionAttendance.Derive(Window, Patient, intervals, Program, excused: false, asOf ?? Window.ScheduledEnd);

    private static AttendanceInterval Interval(AttendanceMode mode, DateTimeOffset start, DateTimeOffset? end) =>
        new(Window.SessionId, Patient, mode, start, end, end is null ? null : AttendanceEndReason.Left, $"s:{start:O}", end is null ? null : $"e:{end:O}");
}
