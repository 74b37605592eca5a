using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Media;

public enum MediaMode
{
    /// <summary>Browsers send to each other; the server only relays signaling. Small rooms, no SFU configured.</summary>
    Mesh = 0,

    /// <summary>Browsers send once to the SFU (Janus VideoRoom), which forwards to everyone.</summary>
    Sfu = 1,
}

public enum MediaKind
{
    Audio = 0,
    Video = 1,
}

/// <summary>Which of a participant's two peer connections a message is about.</summary>
public enum MediaLeg
{
    /// <summary>What the participant sends.</summary>
    Publisher = 0,

    /// <summary>What the participant receives (one multistream connection for all feeds).</summary>
    Subscriber = 1,
}

/// <summary>An SDP offer or answer, as text. Size-limited before it reaches any media server or browser.</summary>
public sealed record SessionDescription(string Type, string Sdp)
{
    /// <summary>
    /// Largest SDP accepted, in UTF-8 bytes. The hub takes messages of at most 32 KB (RoomProtocol.MaxMessageBytes),
    /// envelope included, so 24 KB leaves room for the rest; Chromium's offers for audio + video + screen are a few KB.
    /// </summary>
    public const int MaxBytes = 24 * 1024;
}

/// <summary>A trickled ICE candidate; <see cref="Candidate"/> empty means "gathering completed".</summary>
public sealed record IceCandidate(string Candidate, string? SdpMid, int? SdpMLineIndex);

/// <summary>Where a participant's media for a session lives on the media plane (for logs and tests, never sent to browsers).</summary>
public sealed record MediaPlacement(SessionId SessionId, string Node, long RoomNumber);

/// <summary>Something the media plane observed about a participant's media.</summary>
public sealed record MediaEvent(SessionId SessionId, ParticipantId ParticipantId, MediaEventKind Kind, MediaLeg Leg, DateTimeOffset At);

public enum MediaEventKind
{
    /// <summary>The peer connection is up (ICE + DTLS done).</summary>
    Up = 0,

    /// <summary>The peer connection is gone.</summary>
    Down = 1,

    /// <summary>Media started flowing for the leg.</summary>
    Flowing = 2,

    /// <summary>No media for a while (network trouble on the participant's side).</summary>
    Stalled = 3,

    /// <summary>The media server restarted or lost the participant: the client must publish and subscribe again.</summary>
    Lost = 4,
}
