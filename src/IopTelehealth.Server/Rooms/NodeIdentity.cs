namespace IopTelehealth.Server.Rooms;

/// <summary>This server process's id in presence: unique per start, so a restarted node is a new node.</summary>
internal sealed record NodeIdentity(string Id)
{
    public static NodeIdentity ForThisProcess() => new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
}
