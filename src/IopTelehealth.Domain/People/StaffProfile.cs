namespace IopTelehealth.Domain.People;

/// <summary>A therapist, staff member or clinic admin. The role itself lives on the sign-in account.</summary>
public sealed class StaffProfile
{
    public const int NameMaxLength = 200;
    public const int CredentialsMaxLength = 100;

    private StaffProfile() { }

    public StaffProfile(Guid id, Guid clinicId, Guid userId, string displayName, string? credentials)
    {
        Id = id;
        ClinicId = clinicId;
        UserId = userId;
        Update(displayName, credentials);
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    public Guid UserId { get; private set; }

    public string DisplayName { get; private set; } = "";

    /// <summary>Licence letters such as "LCSW, LCADC".</summary>
    public string? Credentials { get; private set; }

    public void Update(string displayName, string? credentials)
    {
        DisplayName = Guard.Text(displayName, nameof(DisplayName), NameMaxLength);
        Credentials = Guard.OptionalText(credentials, nameof(Credentials), CredentialsMaxLength);
    }
}
