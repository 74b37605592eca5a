using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>Log lines of the VideoRoom adapter: opaque ids only (session GUIDs, random participant ids), never SDP or secrets.</summary>
internal static partial class VideoRoomLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Media room of session {SessionId} is on node {Node} (room {Room}).")]
    public static partial void RoomPlaced(ILogger logger, SessionId sessionId, string node, long room);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Media room of session {SessionId} destroyed.")]
    public static partial void RoomClosed(ILogger logger, SessionId sessionId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Janus node {Node} skipped for placement ({Level} error {Code}).")]
    public static partial void NodeSkipped(ILogger logger, string node, JanusErrorLevel level, int code);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Janus refused a request ({Level} error {Code}).")]
    public static partial void JanusRefused(ILogger logger, JanusErrorLevel level, int code);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Cleanup request failed ({Level} error {Code}); ignored.")]
    public static partial void CleanupFailed(ILogger logger, JanusErrorLevel level, int code);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "A media event listener failed ({ErrorType}).")]
    public static partial void ListenerFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Janus node {Node} has a new session: recreating {Rooms} rooms; clients must publish again.")]
    public static partial void Recovering(ILogger logger, string node, int rooms);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Participant {ParticipantId} of session {SessionId} did not answer a subscriber offer in time; starting a new subscription.")]
    public static partial void AnswerTimedOut(ILogger logger, SessionId sessionId, ParticipantId participantId);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Error, Message = "Recovering the media room of session {SessionId} failed ({ErrorType}).")]
    public static partial void RecoveryFailed(ILogger logger, SessionId sessionId, string errorType);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Participant {ParticipantId} of session {SessionId} negotiates {Leg} media from a new page; its previous handle is replaced.")]
    public static partial void HandleReplaced(ILogger logger, SessionId sessionId, ParticipantId participantId, Domain.Media.MediaLeg leg);
}
