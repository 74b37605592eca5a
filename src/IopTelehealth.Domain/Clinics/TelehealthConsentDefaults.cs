namespace IopTelehealth.Domain.Clinics;

/// <summary>The consent a new clinic starts with; clinics publish their own reviewed text.</summary>
public static class TelehealthConsentDefaults
{
    public const string Version = "2026-01";

    public const string Text =
        "Telehealth group therapy consent. Sessions happen over video or audio on the internet. Join from a private place " +
        "where no one else can see or hear the group, and keep what other members share confidential. Sessions are never " +
        "recorded. Tell us where you are at the start of each session: in an emergency your therapist contacts local " +
        "emergency services and your emergency contact. If the connection fails, rejoin; if you cannot, your therapist " +
        "will reach out. You may stop telehealth at any time and ask about in-person care.";
}
