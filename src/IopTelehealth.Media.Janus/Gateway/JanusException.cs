namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>
/// Janus refused a request. Both error levels end here: a core error (<c>{"janus":"error","error":{code,reason}}</c>,
/// <see cref="JanusErrorLevel.Core"/>) and a plugin error (<c>plugindata.data.error_code</c> inside a success or an
/// event, <see cref="JanusErrorLevel.Plugin"/>). Transport failures (socket lost, timeout) use <see cref="JanusErrorLevel.Transport"/>.
/// </summary>
public sealed class JanusException : Exception
{
    public JanusException(JanusErrorLevel level, int code, string message) : base(message)
    {
        Level = level;
        Code = code;
    }

    public JanusException() : this(JanusErrorLevel.Transport, 0, "Janus request failed.") { }

    public JanusException(string message) : this(JanusErrorLevel.Transport, 0, message) { }

    public JanusException(string message, Exception innerException) : base(message, innerException) => Level = JanusErrorLevel.Transport;

    public JanusErrorLevel Level { get; }

    /// <summary>Janus's numeric code (core: 4xx of janus.h, plugin: the VideoRoom's 42x/43x); 0 for transport failures.</summary>
    public int Code { get; }
}

public enum JanusErrorLevel
{
    /// <summary>No answer: the connection dropped, the node is unreachable, or the request timed out.</summary>
    Transport = 0,

    /// <summary>The Janus core refused the request (wrong api secret, unknown session or handle, bad JSON).</summary>
    Core = 1,

    /// <summary>The plugin refused the request (no such room, no such feed, unauthorized, invalid SDP).</summary>
    Plugin = 2,
}

/// <summary>Codes we act on (janus.h and janus_videoroom.c of Janus 1.1.2).</summary>
public static class JanusErrorCodes
{
    public const int Unauthorized = 403;
    public const int SessionNotFound = 458;
    public const int HandleNotFound = 459;
    public const int JsepUnknownType = 464;
    public const int JsepInvalidSdp = 465;
    public const int VideoRoomNoSuchRoom = 426;
    public const int VideoRoomRoomExists = 427;
    public const int VideoRoomNoSuchFeed = 428;
    public const int VideoRoomAlreadyJoined = 425;
    public const int VideoRoomUnauthorized = 433;
    public const int VideoRoomIdExists = 436;
    public const int VideoRoomInvalidSdp = 437;
    public const int VideoRoomInvalidSdpType = 431;
}
