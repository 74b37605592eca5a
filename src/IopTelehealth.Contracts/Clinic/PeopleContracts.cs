using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Contracts.Clinic;

public sealed record PatientDto(Guid Id, Guid UserId, string Email, string LegalName, string DisplayAlias, string EmergencyContactName,
    string EmergencyContactPhone, bool HasPassword);

public sealed class PatientInput
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, StringLength(200)]
    public string LegalName { get; set; } = "";

    /// <summary>The only name peers see in a group.</summary>
    [Required, StringLength(40)]
    public string DisplayAlias { get; set; } = "";

    [Required, StringLength(200)]
    public string EmergencyContactName { get; set; } = "";

    [Required, Phone, StringLength(40)]
    public string EmergencyContactPhone { get; set; } = "";
}

public sealed record StaffDto(Guid Id, Guid UserId, string Email, string DisplayName, string? Credentials, string Role, bool MfaEnabled, bool HasPassword);

public sealed class StaffInput
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, StringLength(200)]
    public string DisplayName { get; set; } = "";

    [StringLength(100)]
    public string? Credentials { get; set; }

    [Required, RegularExpression("^(therapist|staff|admin)$", ErrorMessage = "Role must be therapist, staff or admin.")]
    public string Role { get; set; } = "therapist";
}

public sealed record InviteDto(Uri Url, DateTimeOffset ExpiresAt);
