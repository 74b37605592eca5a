namespace IopTelehealth.Domain.Scheduling;

/// <summary>The default agenda of an IOP group, cycled through when a schedule names no topics of its own.</summary>
public static class SessionTopics
{
    public static readonly IReadOnlyList<string> Default =
    [
        "Relapse prevention",
        "Coping skills",
        "Codependency",
        "Grief and loss",
        "Building a sober network",
        "Managing cravings and triggers",
        "Emotional regulation",
        "Family roles and boundaries",
        "Shame and self-compassion",
        "Stress and sleep",
        "Communication skills",
        "Planning for high-risk situations",
    ];
}
