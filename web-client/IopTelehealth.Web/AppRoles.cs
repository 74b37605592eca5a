namespace IopTelehealth.Web;

/// <summary>
/// Role names as they arrive in the session's "role" claims, and the combinations the pages authorize with.
/// The web client references only the contracts, so it keeps its own copy of the four stable names.
/// </summary>
public static class AppRoles
{
    public const string Patient = "patient";
    public const string Therapist = "therapist";
    public const string Staff = "staff";
    public const string Admin = "admin";

    /// <summary>Clinic operations: schedules, enrollments, patients; reading programs, groups and staff.</summary>
    public const string AdminOrStaff = Admin + "," + Staff;
}
