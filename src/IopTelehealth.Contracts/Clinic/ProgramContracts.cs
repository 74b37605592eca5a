using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Contracts.Clinic;

public sealed record ProgramDto(Guid Id, string Name, double RequiredHoursPerWeek, int MinimumMinutesPerDay, int MaxGroupSize,
    int LateArrivalMinutes, int EarlyLeaveMinutes, int EscalateAfterMisses = 2);

public sealed class ProgramInput
{
    [Required, StringLength(200)]
    public string Name { get; set; } = "";

    /// <summary>Hours of services required per week (Medicare IOP: 9).</summary>
    [Range(1, 40)]
    public double RequiredHoursPerWeek { get; set; } = 9;

    /// <summary>Minutes a day must reach to count (H0015: 180).</summary>
    [Range(15, 720)]
    public int MinimumMinutesPerDay { get; set; } = 180;

    [Range(2, 50)]
    public int MaxGroupSize { get; set; } = 12;

    [Range(0, 120)]
    public int LateArrivalMinutes { get; set; } = 10;

    [Range(0, 120)]
    public int EarlyLeaveMinutes { get; set; } = 10;

    /// <summary>Consecutive unexcused misses after which a patient's follow-up is escalated to the clinic's admins.</summary>
    [Range(1, 20)]
    public int EscalateAfterMisses { get; set; } = 2;
}
