namespace IopTelehealth.Domain.Rooms;

public enum RoomPhase
{
    /// <summary>Not yet open: joins are refused.</summary>
    Scheduled = 0,

    /// <summary>The lobby accepts patients; staff may enter.</summary>
    Open = 1,

    /// <summary>A therapist is in the room.</summary>
    Live = 2,

    /// <summary>Ended by a therapist or at the scheduled end: joins are refused.</summary>
    Ended = 3,
}

public enum ParticipantRole
{
    Patient = 0,
    Therapist = 1,
    CoFacilitator = 2,
    Observer = 3,
    RoomDevice = 4,
}

public enum Admission
{
    Lobby = 0,
    Admitted = 1,
}

/// <summary>Why a participant is no longer present; attendance intervals end with these reasons.</summary>
public enum LeaveReason
{
    Left = 0,
    Removed = 1,
    Dropped = 2,
    NodeLost = 3,
    SessionEnded = 4,
    Denied = 5,
    Replaced = 6,

    /// <summary>An in-person patient was checked out (by staff, or by scanning the room's code again).</summary>
    CheckedOut = 7,
}

/// <summary>How a participant attends, as billing distinguishes it (telehealth modifier 95 video, 93 audio-only; none in person).</summary>
public enum AttendanceMode
{
    Video = 0,
    AudioOnly = 1,
    InPerson = 2,
    RoomDevice = 3,
}

public static class RoomRoles
{
    /// <summary>Roles that moderate: admit, mute, remove, lock, end.</summary>
    public static bool Moderates(this ParticipantRole role) => role is ParticipantRole.Therapist or ParticipantRole.CoFacilitator;

    /// <summary>Roles that skip the lobby.</summary>
    public static bool EntersDirectly(this ParticipantRole role) => role is not ParticipantRole.Patient;
}
