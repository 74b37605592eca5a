namespace IopTelehealth.Domain.Attendance;

/// <summary>Why an attendance interval ended. The numbers are stored: never reorder.</summary>
public enum AttendanceEndReason
{
    Left = 0,
    Removed = 1,
    Dropped = 2,
    NodeLost = 3,
    SessionEnded = 4,
    CheckedOut = 5,

    /// <summary>The same person went on in another mode (video ↔ audio-only, remote ↔ in person): the next interval starts at this end.</summary>
    ModeChanged = 6,
}

/// <summary>How a person is present: through a room connection, or in the clinic room (checked in by staff or by QR code).</summary>
public enum AttendanceChannel
{
    Remote = 0,
    InPerson = 1,
}
