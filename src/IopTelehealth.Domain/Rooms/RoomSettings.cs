namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// Timing of rooms and presence. The defaults bound how late a lost node is noticed: node heartbeat every 2 s,
/// declared dead after 8 s, swept every 2 s: a dead node's participants leave within ~10 s, at their own last heartbeat.
/// </summary>
public sealed class RoomSettings
{
    public const string Section = "Rooms";

    public TimeSpan GraceWindow { get; set; } = Room.DefaultGraceWindow;

    /// <summary>The lobby opens by itself this long before the scheduled start.</summary>
    public TimeSpan AutoOpenLead { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A room nobody ended closes this long after its scheduled end.</summary>
    public TimeSpan AutoEndAfter { get; set; } = TimeSpan.FromMinutes(60);

    public TimeSpan NodeTimeout { get; set; } = TimeSpan.FromSeconds(8);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often clients send Heartbeat; a participant's presence ends at their last one.</summary>
    public TimeSpan ClientHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int ChatHistoryLimit { get; set; } = 500;
}
