namespace IopTelehealth.Contracts.Rooms;

/// <summary>Constants of the real-time room protocol (docs/room-protocol.md).</summary>
public static class RoomProtocol
{
    /// <summary>
    /// Bumped on any incompatible change to a method, event or DTO, and on a new event a client must handle to stay correct
    /// (3: <see cref="IRoomClient.CheckedInAtClinic"/>).
    /// </summary>
    public const string Version = "3";

    public const string HubPath = "/hubs/room";

    /// <summary>Largest message a client may send (SignalR MaximumReceiveMessageSize).</summary>
    public const int MaxMessageBytes = 32 * 1024;
}

/// <summary>Participant roles as they travel on the wire.</summary>
public static class WireRoles
{
    public const string Patient = "patient";
    public const string Therapist = "therapist";
    public const string CoFacilitator = "co-facilitator";
    public const string Observer = "observer";
    public const string RoomDevice = "room-device";
}

/// <summary>Why someone left, on the wire (attendance uses the same words).</summary>
public static class WireLeaveReasons
{
    public const string Left = "left";
    public const string Removed = "removed";
    public const string Dropped = "dropped";
    public const string NodeLost = "node-lost";
    public const string SessionEnded = "session-ended";
    public const string Denied = "denied";
    public const string Replaced = "replaced";
    public const string CheckedOut = "checked-out";
}
