namespace IopTelehealth.Domain.People;

/// <summary>A patient's acceptance of one version of their clinic's telehealth consent: what they accepted and when.</summary>
public sealed class TelehealthConsent
{
    private TelehealthConsent() { }

    public TelehealthConsent(Guid id, Guid clinicId, Guid patientId, string version, DateTimeOffset acceptedAt)
    {
        Id = id;
        ClinicId = clinicId;
        PatientId = patientId;
        Version = Guard.Text(version, nameof(Version), Clinics.Clinic.ConsentVersionMaxLength);
        AcceptedAt = acceptedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid PatientId { get; private set; }

    public string Version { get; private set; } = "";

    public DateTimeOffset AcceptedAt { get; private set; }
}
