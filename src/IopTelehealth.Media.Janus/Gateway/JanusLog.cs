using Microsoft.Extensions.Logging;

namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>
/// Log lines of the gateway. Never a message body: requests carry the api secret and room secrets, and SDP carries
/// addresses. Node names come from configuration; session and handle ids are Janus's random numbers.
/// </summary>
internal static partial class JanusLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Janus node {Node}: session {SessionId} created.")]
    public static partial void SessionCreated(ILogger logger, string node, long sessionId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Janus node {Node}: connection failed or lost ({ErrorType}: {Error}).")]
    public static partial void ConnectionFailed(ILogger logger, string node, string errorType, string error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Janus node {Node}: reconnect attempt {Attempt} in {DelaySeconds} s.")]
    public static partial void Reconnecting(ILogger logger, string node, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Janus node {Node}: session {SessionId} lost (code {Code}); creating a new one.")]
    public static partial void SessionLost(ILogger logger, string node, long sessionId, int code);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Janus node {Node}: a message of {Bytes} bytes is over the limit; closing the connection.")]
    public static partial void MessageTooLarge(ILogger logger, string node, int bytes);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Janus node {Node}: a message that is not a JSON object was ignored.")]
    public static partial void UnreadableMessage(ILogger logger, string node);
}
