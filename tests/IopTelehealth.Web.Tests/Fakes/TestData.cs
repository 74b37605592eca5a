using IopTelehealth.Contracts;
using IopTelehealth.Contracts.Clinic;

namespace IopTelehealth.Web.Tests.Fakes;

/// <summary>Sample records in the shape the clinic services return them. Names are invented.</summary>
public static class TestData
{
    public const string Zone = "America/Chicago";

    /// <summary>Monday 1 June 2026, 18:00 in Chicago (CDT, UTC-5).</summary>
    public static readonly DateTimeOffset MondayEvening = new(2026, 6, 1, 23, 0, 0, TimeSpan.Zero);

    public static readonly Guid ProgramId = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid GroupId = Guid.Parse("20000000-0000-0000-0000-000000000001");
    public static readonly Guid TherapistId = Guid.Parse("30000000-0000-0000-0000-000000000001");
    public static readonly Guid AdminId = Guid.Parse("30000000-0000-0000-0000-000000000002");
    public static readonly Guid PatientId = Guid.Parse("40000000-0000-0000-0000-000000000001");

    public static readonly InviteDto Invite = new(new Uri("https://clinic.example/account/invite?token=abc123"), new DateTimeOffset(2026, 6, 4, 17, 0, 0, TimeSpan.Zero));

    public static ProgramDto Program() => new(ProgramId, "Evening SUD IOP", 9, 180, 12, 10, 10);

    public static GroupDto Group() => new(GroupId, ProgramId, "Evening SUD IOP", "Tuesday-Thursday Evening Group", 12, [TherapistId], ["Dr. Taylor Reed"], 8);

    public static ScheduleDto Schedule() => new(Guid.Parse("50000000-0000-0000-0000-000000000001"), GroupId, "Tuesday-Thursday Evening Group",
        [DayOfWeek.Thursday, DayOfWeek.Monday, DayOfWeek.Wednesday], new TimeOnly(18, 0), 180, Zone, new DateOnly(2026, 6, 1), new DateOnly(2026, 8, 23),
        ["Check-in", "Relapse prevention"], 30);

    public static EnrollmentDto Enrollment() => new(Guid.Parse("60000000-0000-0000-0000-000000000001"), GroupId, "Tuesday-Thursday Evening Group",
        PatientId, "Jordan Alvarez", "Sunrise", new DateOnly(2026, 6, 1), null, EnrollmentStatuses.Active);

    public static PatientDto Patient(bool hasPassword = true) => new(PatientId, Guid.NewGuid(), "patient1@demo.test", "Jordan Alvarez", "Sunrise",
        "Maria Alvarez", "+1-312-555-0110", hasPassword);

    public static StaffDto Therapist() => new(TherapistId, Guid.NewGuid(), "therapist@demo.test", "Dr. Taylor Reed", "LCSW, LCADC", "therapist", true, true);

    public static StaffDto Admin() => new(AdminId, Guid.NewGuid(), "admin@demo.test", "Alex Morgan", "Clinical Director", "admin", true, true);

    public static SessionDto Session(DateTimeOffset start, string topic = "Relapse prevention", string status = "scheduled") =>
        new(Guid.NewGuid(), GroupId, "Tuesday-Thursday Evening Group", DateOnly.FromDateTime(start.AddHours(-5).DateTime), start, start.AddHours(3), Zone, topic, status);

    public static GroupSummaryDto GroupSummary() => new(GroupId, "Tuesday-Thursday Evening Group", "Evening SUD IOP", ["Dr. Taylor Reed"]);

    public static ApiResult<T> Invalid<T>(string field, string message) => ApiResult<T>.Invalid(field, message);
}
