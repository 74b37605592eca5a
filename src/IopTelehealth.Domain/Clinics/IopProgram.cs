namespace IopTelehealth.Domain.Clinics;

/// <summary>
/// An IOP program such as "Evening SUD IOP". Its settings are the billing and attendance rules that
/// groups, rooms and the attendance ledger read; they are never copied into those records.
/// </summary>
public sealed class IopProgram
{
    public const int NameMaxLength = 200;
    public const int DefaultRequiredMinutesPerWeek = 9 * 60;
    public const int DefaultMinimumMinutesPerDay = 180;
    public const int DefaultMaxGroupSize = 12;
    public const int DefaultLateArrivalMinutes = 10;
    public const int DefaultEarlyLeaveMinutes = 10;
    public const int DefaultEscalateAfterMisses = 2;

    private IopProgram() { }

    public IopProgram(Guid id, Guid clinicId, string name, ProgramSettings settings)
    {
        Id = id;
        ClinicId = clinicId;
        Rename(name);
        Apply(settings);
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public string Name { get; private set; } = "";

    public int RequiredMinutesPerWeek { get; private set; }

    public int MinimumMinutesPerDay { get; private set; }

    public int MaxGroupSize { get; private set; }

    public int LateArrivalMinutes { get; private set; }

    public int EarlyLeaveMinutes { get; private set; }

    /// <summary>Consecutive unexcused misses after which a patient's follow-up is escalated to the clinic's admins.</summary>
    public int EscalateAfterMisses { get; private set; } = DefaultEscalateAfterMisses;

    public void ChangeEscalation(int misses) => EscalateAfterMisses = Guard.Range(misses, nameof(EscalateAfterMisses), 1, 20);

    public ProgramSettings Settings => new(RequiredMinutesPerWeek, MinimumMinutesPerDay, MaxGroupSize, LateArrivalMinutes, EarlyLeaveMinutes);

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void Apply(ProgramSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequiredMinutesPerWeek = Guard.Range(settings.RequiredMinutesPerWeek, nameof(RequiredMinutesPerWeek), 60, 40 * 60);
        MinimumMinutesPerDay = Guard.Range(settings.MinimumMinutesPerDay, nameof(MinimumMinutesPerDay), 15, 12 * 60);
        MaxGroupSize = Guard.Range(settings.MaxGroupSize, nameof(MaxGroupSize), 2, 50);
        LateArrivalMinutes = Guard.Range(settings.LateArrivalMinutes, nameof(LateArrivalMinutes), 0, 120);
        EarlyLeaveMinutes = Guard.Range(settings.EarlyLeaveMinutes, nameof(EarlyLeaveMinutes), 0, 120);
    }
}

/// <summary>The rules of a program; defaults follow Medicare IOP (9 h/week) and H0015 (3 h/day).</summary>
public sealed record ProgramSettings(
    int RequiredMinutesPerWeek = IopProgram.DefaultRequiredMinutesPerWeek,
    int MinimumMinutesPerDay = IopProgram.DefaultMinimumMinutesPerDay,
    int MaxGroupSize = IopProgram.DefaultMaxGroupSize,
    int LateArrivalMinutes = IopProgram.DefaultLateArrivalMinutes,
    int EarlyLeaveMinutes = IopProgram.DefaultEarlyLeaveMinutes);
