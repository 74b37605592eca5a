using System.ComponentModel.DataAnnotations;

namespace IopTelehealth.Server.Attendance;

/// <summary>Attendance writing (section "Attendance").</summary>
public sealed class AttendanceSettings
{
    public const string Section = "Attendance";

    /// <summary>How long a room transition waits for the ledger before the facts go to the outbox.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the outbox is replayed into the ledger.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan OutboxRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often ended sessions are checked for missed-session follow-ups to create.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan FollowUpInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The outbox folder; relative paths are under the data directory.</summary>
    [Required]
    public string OutboxDirectory { get; set; } = "attendance-outbox";
}
