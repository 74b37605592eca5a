using IopTelehealth.Domain;

namespace IopTelehealth.Server.ClinicApi;

/// <summary>
/// The role matrix of the clinic API in one place (docs/clinic-api.md shows the same table). <see cref="Name"/> is
/// also the target type written to the audit log, so reports can match on it.
/// </summary>
internal sealed record ClinicResource(string Name, IReadOnlyList<string> Readers, IReadOnlyList<string> Writers)
{
    private static readonly string[] ClinicTeam = [Roles.Admin, Roles.Staff, Roles.Therapist];
    private static readonly string[] Office = [Roles.Admin, Roles.Staff];
    private static readonly string[] AdminOnly = [Roles.Admin];

    public static readonly ClinicResource Programs = new("program", ClinicTeam, AdminOnly);
    public static readonly ClinicResource Groups = new("group", ClinicTeam, AdminOnly);
    public static readonly ClinicResource Schedules = new("schedule", ClinicTeam, Office);
    public static readonly ClinicResource Enrollments = new("enrollment", ClinicTeam, Office);
    public static readonly ClinicResource Patients = new("patient", ClinicTeam, Office);

    /// <summary>Therapists see their colleagues on groups (names only), not the staff directory with e-mails and MFA state.</summary>
    public static readonly ClinicResource Staff = new("staff", Office, AdminOnly);

    /// <summary>Session rosters, excuses, sign-off, follow-ups, dashboards: therapists only for their own groups (checked by the attendance services).</summary>
    public static readonly ClinicResource Attendance = new("attendance", ClinicTeam, [Roles.Admin, Roles.Therapist]);

    /// <summary>The billing export: the office.</summary>
    public static readonly ClinicResource AttendanceExport = new("attendance-export", Office, Office);

    /// <summary>A patient's own week page.</summary>
    public static readonly ClinicResource OwnAttendance = new("attendance-own", [Roles.Patient], []);

    public IReadOnlyList<string> RolesFor(ClinicAccess access) => access == ClinicAccess.Write ? Writers : Readers;
}

internal enum ClinicAccess
{
    Read = 0,
    Write = 1,
}
