namespace IopTelehealth.Domain.Rooms;

/// <summary>A check-in code a patient used, kept in the room until the code expires so the same code cannot act twice for them.</summary>
public sealed record UsedCheckInCode(string Nonce, Guid UserId, DateTimeOffset ExpiresAt);

/// <summary>A verified check-in code from the room device's screen (signature and session already checked by the host).</summary>
public sealed record CheckInCode(SessionId SessionId, string Nonce, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>Who is checked in, as the clinic knows them: account and what peers see (the alias).</summary>
public sealed record CheckInRequest(Guid UserId, string DisplayName);

public enum CheckInChange
{
    /// <summary>Now present in the clinic room; was not in the room before.</summary>
    CheckedIn = 0,

    /// <summary>Was connected remotely; the remote presence ended and the in-person one began at the same instant.</summary>
    SwitchedFromRemote = 1,

    /// <summary>No longer present in the clinic room.</summary>
    CheckedOut = 2,
}

/// <param name="ClosedConnection">A connection of the patient's that the check-in took out of the room (its presence entry goes too).</param>
public sealed record CheckInResult(RoomParticipant Participant, CheckInChange Change, string? ClosedConnection);
