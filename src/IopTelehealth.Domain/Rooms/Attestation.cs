namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// What a patient confirms before each session: where they are (clinicians need it for emergencies and licensure)
/// and that nobody else can hear the group. PHI: shown to the session's therapists only, never logged.
/// </summary>
public sealed record Attestation(string Location, string State, bool PrivateSpace, string? AcceptedConsentVersion)
{
    public const int LocationMaxLength = 200;
    public const int StateMaxLength = 40;

    /// <summary>Trims and bounds the fields; throws <see cref="RoomException"/> with <see cref="RoomErrors.InvalidArgument"/>.</summary>
    public static Attestation Validate(Attestation? attestation)
    {
        if (attestation is null)
        {
            throw new RoomException(RoomErrors.AttestationRequired, "Confirm your location and that you are in a private space.");
        }

        var location = attestation.Location?.Trim() ?? "";
        var state = attestation.State?.Trim() ?? "";
        if (location.Length == 0 || state.Length == 0)
        {
            throw new RoomException(RoomErrors.AttestationRequired, "Location and state are required.");
        }

        if (location.Length > LocationMaxLength || state.Length > StateMaxLength || attestation.AcceptedConsentVersion?.Length > 40)
        {
            throw new RoomException(RoomErrors.InvalidArgument, $"Location is limited to {LocationMaxLength} and state to {StateMaxLength} characters.");
        }

        if (!attestation.PrivateSpace)
        {
            throw new RoomException(RoomErrors.AttestationRequired, "Group sessions need a private space where others cannot hear.");
        }

        return attestation with { Location = location, State = state };
    }
}
