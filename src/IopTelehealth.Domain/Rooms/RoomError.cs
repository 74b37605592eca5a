namespace IopTelehealth.Domain.Rooms;

/// <summary>Stable error codes of the room protocol. Clients switch on them; never rename one.</summary>
public static class RoomErrors
{
    public const string SessionNotFound = "session-not-found";
    public const string NotEnrolled = "not-enrolled";
    public const string RoomNotOpen = "room-not-open";
    public const string RoomEnded = "room-ended";
    public const string RoomLocked = "room-locked";
    public const string RoomFull = "room-full";
    public const string Banned = "banned";
    public const string Forbidden = "forbidden";
    public const string NotJoined = "not-joined";
    public const string NotAdmitted = "not-admitted";
    public const string ParticipantNotFound = "participant-not-found";
    public const string HardMuted = "hard-muted";
    public const string AttestationRequired = "attestation-required";
    public const string ConsentRequired = "consent-required";
    public const string InvalidArgument = "invalid-argument";
    public const string RateLimited = "rate-limited";
    public const string Conflict = "conflict";

    /// <summary>The patient is checked in at the clinic and cannot also join remotely.</summary>
    public const string CheckedInAtClinic = "checked-in-at-clinic";

    /// <summary>Staff tried to check in a patient who is already checked in.</summary>
    public const string AlreadyCheckedIn = "already-checked-in";

    /// <summary>Check-out of a patient who is not checked in at the clinic.</summary>
    public const string NotCheckedIn = "not-checked-in";

    /// <summary>The check-in code is not one of ours (bad signature, unreadable, tampered).</summary>
    public const string TokenInvalid = "token-invalid";

    /// <summary>The check-in code is older than its lifetime: scan the code on the room screen again.</summary>
    public const string TokenExpired = "token-expired";

    /// <summary>The check-in code belongs to another session.</summary>
    public const string TokenWrongSession = "token-wrong-session";

    /// <summary>This patient already used this very code (a reload or a replay); the next code on the screen works.</summary>
    public const string TokenUsed = "token-used";

    /// <summary>An SDP offer or answer was refused before it reached the media server (too large, not SDP, wrong type).</summary>
    public const string InvalidSdp = "invalid-sdp";

    /// <summary>An ICE candidate was refused before it reached the media server or a peer (malformed, or a forbidden address).</summary>
    public const string InvalidCandidate = "invalid-candidate";

    /// <summary>An answer (SFU subscription or mesh) for which no offer is waiting.</summary>
    public const string NoPendingOffer = "no-pending-offer";

    /// <summary>A media method of the other mode (Publish in a mesh room, SendSignal in an SFU room); see the join reply's mode.</summary>
    public const string WrongMediaMode = "wrong-media-mode";

    /// <summary>Mesh mode: admitting one more participant would pass the mesh size limit; the room needs the SFU.</summary>
    public const string RoomNeedsSfu = "room-needs-sfu";

    /// <summary>The media server could not be reached or refused the operation; the client may retry later.</summary>
    public const string MediaUnavailable = "media-unavailable";
}

/// <summary>A refused room operation. Nothing changed; <see cref="Code"/> is one of <see cref="RoomErrors"/>.</summary>
public sealed class RoomException : Exception
{
    public RoomException(string code, string message) : base(message) => Code = code;

    public RoomException() : this(RoomErrors.InvalidArgument, "Invalid room operation.") { }

    public RoomException(string message) : this(RoomErrors.InvalidArgument, message) { }

    public RoomException(string message, Exception innerException) : base(message, innerException) => Code = RoomErrors.InvalidArgument;

    public string Code { get; } = RoomErrors.InvalidArgument;
}
