namespace IopTelehealth.Web.Client.Rooms;

/// <summary>What the wire roles mean on screen.</summary>
public static class RoomRoles
{
    /// <summary>Therapists and co-facilitators moderate: admit, mute, remove, end.</summary>
    public static bool Moderates(string? role) => role is WireRoles.Therapist or WireRoles.CoFacilitator;

    /// <summary>The badge next to a name; patients carry none (everyone sees them by alias only).</summary>
    public static string? Badge(string role) => role switch
    {
        WireRoles.Therapist => "Therapist",
        WireRoles.CoFacilitator => "Co-facilitator",
        WireRoles.Observer => "Observer",
        WireRoles.RoomDevice => "Clinic room",
        _ => null,
    };
}
