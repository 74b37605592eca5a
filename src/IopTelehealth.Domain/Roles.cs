namespace IopTelehealth.Domain;

/// <summary>The four roles of the product. Role names travel in tokens, so they are stable lower-case strings.</summary>
public static class Roles
{
    public const string Patient = "patient";
    public const string Therapist = "therapist";
    public const string Staff = "staff";
    public const string Admin = "admin";

    /// <summary>
    /// A clinic room's PC, signed in with the device flow and approved by staff. Not a person: it never holds PHI of its
    /// own, cannot be invited or given to a person, and enters only the sessions of the group it was bound to.
    /// </summary>
    public const string RoomDevice = "room-device";

    public static readonly IReadOnlyList<string> All = [Patient, Therapist, Staff, Admin];

    /// <summary>Every role an account can hold, people and room devices.</summary>
    public static readonly IReadOnlyList<string> Accounts = [.. All, RoomDevice];

    /// <summary>Roles that see PHI of many patients; they must use MFA.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Therapist, Staff, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static bool RequiresMfa(IEnumerable<string> roles) => roles.Any(r => StaffRoles.Contains(r, StringComparer.Ordinal));
}
