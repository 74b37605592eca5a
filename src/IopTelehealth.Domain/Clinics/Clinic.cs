namespace IopTelehealth.Domain.Clinics;

/// <summary>A clinic is the tenant: every user and every record belongs to exactly one.</summary>
public sealed class Clinic
{
    public const int NameMaxLength = 200;

    private Clinic() { }

    public const int ConsentVersionMaxLength = 40;
    public const int ConsentTextMaxLength = 20_000;

    public Clinic(Guid id, string name, string timeZoneId)
    {
        Id = id;
        Rename(name);
        ChangeTimeZone(timeZoneId);
        PublishConsent(TelehealthConsentDefaults.Version, TelehealthConsentDefaults.Text);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>IANA id; weeks for compliance and "today" for therapists are reckoned in it.</summary>
    public string TimeZoneId { get; private set; } = "";

    /// <summary>The telehealth consent patients accept before their first session (and again when the version changes).</summary>
    public string ConsentVersion { get; private set; } = TelehealthConsentDefaults.Version;

    public string ConsentText { get; private set; } = TelehealthConsentDefaults.Text;

    /// <summary>A new version makes every patient accept the new text at their next join.</summary>
    public void PublishConsent(string version, string text)
    {
        ConsentVersion = Guard.Text(version, nameof(ConsentVersion), ConsentVersionMaxLength);
        ConsentText = Guard.Text(text, nameof(ConsentText), ConsentTextMaxLength);
    }

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void ChangeTimeZone(string timeZoneId)
    {
        Guard.TimeZone(timeZoneId, nameof(TimeZoneId));
        TimeZoneId = timeZoneId.Trim();
    }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}
