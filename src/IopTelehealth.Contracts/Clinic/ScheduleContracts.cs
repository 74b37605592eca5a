using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Contracts.Clinic;

public sealed record ScheduleDto(Guid Id, Guid GroupId, string GroupName, IReadOnlyList<DayOfWeek> Days, TimeOnly StartTime, int DurationMinutes,
    string TimeZoneId, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> Topics, int UpcomingSessions);

public sealed class ScheduleInput
{
    [Required]
    public Guid? GroupId { get; set; }

    [Required, MinLength(1, ErrorMessage = "Pick at least one day.")]
    public List<DayOfWeek> Days { get; set; } = [];

    [Required]
    public TimeOnly? StartTime { get; set; }

    [Range(15, 720)]
    public int DurationMinutes { get; set; } = 180;

    /// <summary>IANA zone such as America/Chicago; defaults to the clinic's zone when empty.</summary>
    [StringLength(64)]
    public string? TimeZoneId { get; set; }

    [Required]
    public DateOnly? StartDate { get; set; }

    [Required]
    public DateOnly? EndDate { get; set; }

    /// <summary>Agenda cycled through by the sessions; the default IOP agenda when empty.</summary>
    public List<string> Topics { get; set; } = [];
}
