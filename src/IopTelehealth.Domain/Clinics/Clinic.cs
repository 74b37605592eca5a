namespace IopTelehealth.Domain.Clinics;

/// <summary>A clinic is the tenant: every user and every record belongs to exactly one.</summary>
public sealed class Clinic
{
    public const int NameMaxLength = 200;

    private Clinic() { }

    public Clinic(Guid id, string name, string timeZoneId)
    {
        Id = id;
        Rename(name);
        ChangeTimeZone(timeZoneId);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>IANA id; weeks for compliance and "today" for therapists are reckoned in it.</summary>
    public string TimeZoneId { get; private set; } = "";

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void ChangeTimeZone(string timeZoneId)
    {
        Guard.TimeZone(timeZoneId, nameof(TimeZoneId));
        TimeZoneId = timeZoneId.Trim();
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
