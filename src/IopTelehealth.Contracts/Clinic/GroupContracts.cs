using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Contracts.Clinic;

public sealed record GroupDto(Guid Id, Guid ProgramId, string ProgramName, string Name, int Capacity, IReadOnlyList<Guid> TherapistIds,
    IReadOnlyList<string> TherapistNames, int ActiveEnrollments);

public sealed class GroupInput
{
    [Required]
    public Guid? ProgramId { get; set; }

    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    [Range(1, 50)]
    public int Capacity { get; set; } = 12;

    /// <summary>Staff profile ids of the therapists who lead the group.</summary>
    public List<Guid> TherapistIds { get; set; } = [];
}

public sealed record SessionDto(Guid Id, Guid GroupId, string GroupName, DateOnly LocalDate, DateTimeOffset ScheduledStart,
    DateTimeOffset ScheduledEnd, string TimeZoneId, string Topic, string Status);
