namespace IopTelehealth.Domain.Clinics;

public enum EnrollmentStatus
{
    Active = 0,
    SteppedDown = 1,
    Graduated = 2,
    Discharged = 3,
}

/// <summary>A patient's place in a group between two dates.</summary>
public sealed class Enrollment
{
    private Enrollment() { }

    public Enrollment(Guid id, Guid clinicId, Guid groupId, Guid patientId, DateOnly startDate, DateOnly? endDate)
    {
        Id = id;
        ClinicId = clinicId;
        GroupId = groupId;
        PatientId = patientId;
        ChangeDates(startDate, endDate);
        Status = EnrollmentStatus.Active;
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid GroupId { get; private set; }

    public Guid PatientId { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    public EnrollmentStatus Status { get; private set; }

    public void ChangeDates(DateOnly startDate, DateOnly? endDate)
    {
        if (endDate is { } end && end < startDate)
        {
            throw new DomainRuleException(nameof(EndDate), "EndDate must not be before StartDate.");
        }

        StartDate = startDate;
        EndDate = endDate;
    }

    public void ChangeStatus(EnrollmentStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException(nameof(Status), "Status must be active, stepped-down, graduated or discharged.");
        }

        Status = status;
    }

    /// <summary>Whether the patient is expected in the group's sessions on <paramref name="date"/>.</summary>
    public bool IsActiveOn(DateOnly date) =>
        Status == EnrollmentStatus.Active && date >= StartDate && (EndDate is null || date <= EndDate);
}
