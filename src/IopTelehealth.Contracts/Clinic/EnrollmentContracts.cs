using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Contracts.Clinic;

/// <summary>Enrollment statuses as they appear on the wire.</summary>
public static class EnrollmentStatuses
{
    public const string Active = "active";
    public const string SteppedDown = "stepped-down";
    public const string Graduated = "graduated";
    public const string Discharged = "discharged";

    public static readonly IReadOnlyList<string> All = [Active, SteppedDown, Graduated, Discharged];
}

public sealed record EnrollmentDto(Guid Id, Guid GroupId, string GroupName, Guid PatientId, string PatientName, string PatientAlias,
    DateOnly StartDate, DateOnly? EndDate, string Status);

public sealed class EnrollmentInput
{
    [Required]
    public Guid? GroupId { get; set; }

    [Required]
    public Guid? PatientId { get; set; }

    [Required]
    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    [Required, RegularExpression("^(active|stepped-down|graduated|discharged)$", ErrorMessage = "Status must be active, stepped-down, graduated or discharged.")]
    public string Status { get; set; } = EnrollmentStatuses.Active;
}
