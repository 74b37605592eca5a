namespace IopTelehealth.Domain.People;

/// <summary>
/// A patient's clinical identity. The legal name is PHI shown only to the clinic's staff;
/// peers in a group see <see cref="DisplayAlias"/> and nothing else.
/// </summary>
public sealed class PatientProfile
{
    public const int NameMaxLength = 200;
    public const int AliasMaxLength = 40;
    public const int PhoneMaxLength = 40;

    private PatientProfile() { }

    public PatientProfile(Guid id, Guid clinicId, Guid userId, string legalName, string displayAlias, EmergencyContact emergencyContact)
    {
        Id = id;
        ClinicId = clinicId;
        UserId = userId;
        Update(legalName, displayAlias, emergencyContact);
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    /// <summary>The sign-in account of the patient.</summary>
    public Guid UserId { get; private set; }

    public string LegalName { get; private set; } = "";

    public string DisplayAlias { get; private set; } = "";

    public string EmergencyContactName { get; private set; } = "";

    public string EmergencyContactPhone { get; private set; } = "";

    public EmergencyContact EmergencyContact => new(EmergencyContactName, EmergencyContactPhone);

    public void Update(string legalName, string displayAlias, EmergencyContact emergencyContact)
    {
        ArgumentNullException.ThrowIfNull(emergencyContact);
        LegalName = Guard.Text(legalName, nameof(LegalName), NameMaxLength);
        DisplayAlias = Guard.Text(displayAlias, nameof(DisplayAlias), AliasMaxLength);
        if (string.Equals(DisplayAlias, LegalName, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException(nameof(DisplayAlias), "DisplayAlias must differ from the legal name: peers see the alias.");
        }

        EmergencyContactName = Guard.Text(emergencyContact.Name, "EmergencyContactName", NameMaxLength);
        EmergencyContactPhone = Guard.Text(emergencyContact.Phone, "EmergencyContactPhone", PhoneMaxLength);
    }
}

public sealed record EmergencyContact(string Name, string Phone);
