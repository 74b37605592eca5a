namespace IopTelehealth.Web.Client.Components;

/// <summary>
/// The pre-join form's fields and their checks. Plain code rather than data annotations: the rules are few, one of them
/// depends on the session (consent), and nothing here needs reflection in the browser.
/// </summary>
public sealed class AttestationForm
{
    public const int MaxLocationLength = 200;

    public string Location { get; set; } = "";

    public string State { get; set; } = "";

    public bool PrivateSpace { get; set; }

    public bool ConsentAccepted { get; set; }

    /// <summary>Field id → message, empty when the form may be sent.</summary>
    public IReadOnlyDictionary<string, string> Validate(bool consentRequired)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var location = Location.Trim();
        if (location.Length == 0)
        {
            errors["location"] = "Tell us where you are, for example \"home, Evanston\".";
        }
        else if (location.Length > MaxLocationLength)
        {
            errors["location"] = $"Use at most {MaxLocationLength} characters.";
        }

        if (!UsStates.All.Any(s => s.Code == State))
        {
            errors["state"] = "Choose the state you are in right now.";
        }

        if (!PrivateSpace)
        {
            errors["private-space"] = "Group sessions need a private space. Find one, then check this box.";
        }

        if (consentRequired && !ConsentAccepted)
        {
            errors["consent"] = "Please accept the telehealth consent to join.";
        }

        return errors;
    }

    public AttestationDto ToDto(string? consentVersion) =>
        new(Location.Trim(), State, PrivateSpace, ConsentAccepted ? consentVersion : null);
}
