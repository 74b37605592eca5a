using IopTelehealth.Domain.Rooms;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.Redis;

/// <summary>Log lines of the Redis stores. Session ids are opaque GUIDs; nothing here carries PHI.</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Room {SessionId} changed on another node meanwhile; re-running the transition (attempt {Attempt}).")]
    public static partial void ChangeRetried(ILogger logger, SessionId sessionId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Room {SessionId} kept changing on other nodes; gave up after {Attempts} attempts.")]
    public static partial void ChangeGaveUp(ILogger logger, SessionId sessionId, int attempts);
}
