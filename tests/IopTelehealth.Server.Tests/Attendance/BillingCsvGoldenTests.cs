using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Server.Attendance;

namespace IopTelehealth.Server.Tests.Attendance;

/// <summary>
/// The billing export against a golden file written by hand from the billing rules (docs/attendance.md), not from the code's output:
/// mode split with modifiers 95 / 93 / none, the H0015 daily minimum across two sessions of one day, 179 minutes missing it,
/// an absent patient without rows, a patient present for 40 seconds without rows but counted in the group's participant count.
/// </summary>
public sealed class BillingCsvGoldenTests
{
    private static readonly Guid Clinic = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly ProgramSettings Program = new();

    [Fact]
    public void The_export_matches_the_golden_file_byte_for_byte()
    {
        var (a, b, c, d, e) = (Patient('a'), Patient('b'), Patient('c'), Patient('d'), Patient('e'));
        var day1 = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var s1 = Session(1, new DateOnly(2026, 3, 2), day1, 180);
        var s2 = Session(2, new DateOnly(2026, 3, 2), day1.AddMinutes(180), 90);
        var s3 = Session(3, new DateOnly(2026, 3, 3), day1.AddDays(1), 180);

        var sessions = new[]
        {
            Loaded(s1, [a, b, c, d, e],
                Interval(s1, a, AttendanceMode.Video, 0, 100), Interval(s1, a, AttendanceMode.AudioOnly, 100, 120),
                Interval(s1, b, AttendanceMode.InPerson, 0, 180), Interval(s1, c, AttendanceMode.Video, 0, 60),
                Interval(s1, e, AttendanceMode.Video, 30, 30) with { End = s1.ScheduledStart.AddMinutes(30).AddSeconds(40) }),
            Loaded(s2, [a], Interval(s2, a, AttendanceMode.Video, 0, 90)),
            Loaded(s3, [c], Interval(s3, c, AttendanceMode.AudioOnly, 0, 179)),
        };

        var csv = BillingCsv.Write(BillingCsv.Rows(sessions));

        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Attendance", "billing-golden.csv")), csv);
    }

    private static PatientProfile Patient(char last) =>
        new(Guid.Parse($"00000000-0000-0000-0000-00000000000{last}"), Clinic, Guid.NewGuid(), $"Legal {last}", $"Alias {last}", new EmergencyContact("Kin", "555-0100"));

    private static GroupSession Session(int n, DateOnly date, DateTimeOffset start, int minutes) =>
        new(Guid.Parse($"00000000-0000-0000-0000-00000000000{n}"), Clinic, Guid.Empty, null, new SessionSlot(date, start, start.AddMinutes(minutes), "Topic"));

    private static AttendanceInterval Interval(GroupSession session, PatientProfile patient, AttendanceMode mode, int from, int to) =>
        new(new SessionId(session.Id), patient.UserId, mode, session.ScheduledStart.AddMinutes(from), session.ScheduledStart.AddMinutes(to),
            AttendanceEndReason.Left, "s", "e");

    private static LoadedSession Loaded(GroupSession session, PatientProfile[] enrolled, params AttendanceInterval[] intervals)
    {
        var window = new SessionWindow(new SessionId(session.Id), session.LocalDate, session.ScheduledStart, session.ScheduledEnd);
        var group = new TherapyGroup(Guid.NewGuid(), Clinic, Guid.NewGuid(), "Group", 12, 12);
        return new LoadedSession(session, group, Program, 2, Ended: true,
            [.. enrolled.Select(p => new LoadedPatient(p, SessionAttendance.Derive(window, p.UserId, intervals, Program, false, session.ScheduledEnd), null))],
            intervals);
    }
}
