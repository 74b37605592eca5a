using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Server.Hybrid;

/// <summary>Configuration section "Hybrid": the room screen's check-in code.</summary>
public sealed class HybridSettings
{
    public const string Section = "Hybrid";

    /// <summary>How often the room screen shows a new code.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan CodeRotation { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a code is accepted after it was issued; longer than the rotation so a code scanned just before it changes still works.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(45);
}
