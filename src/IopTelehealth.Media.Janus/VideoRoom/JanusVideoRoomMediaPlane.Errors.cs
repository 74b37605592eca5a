using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>Janus's errors in the room protocol's stable codes: callers of the port never see a Janus code.</summary>
public sealed partial class JanusVideoRoomMediaPlane
{
    private RoomException Refused(JanusException e)
    {
        VideoRoomLog.JanusRefused(_logger, e.Level, e.Code);
        return e switch
        {
            { Level: JanusErrorLevel.Plugin, Code: JanusErrorCodes.VideoRoomInvalidSdp or JanusErrorCodes.VideoRoomInvalidSdpType }
                or { Level: JanusErrorLevel.Core, Code: JanusErrorCodes.JsepUnknownType or JanusErrorCodes.JsepInvalidSdp } =>
                new RoomException(RoomErrors.InvalidSdp, "The media server refused the SDP."),
            { Level: JanusErrorLevel.Plugin, Code: JanusErrorCodes.VideoRoomNoSuchRoom } =>
                new RoomException(RoomErrors.RoomNotOpen, "The session's media room is gone."),
            { Level: JanusErrorLevel.Plugin, Code: JanusErrorCodes.VideoRoomNoSuchFeed } =>
                new RoomException(RoomErrors.ParticipantNotFound, "The participant is not publishing."),
            _ => new RoomException(RoomErrors.MediaUnavailable, "The media server is unavailable; try again."),
        };
    }

    private async Task Janus(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (JanusException e)
        {
            throw Refused(e);
        }
    }

    private async Task<T> Janus<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (JanusException e)
        {
            throw Refused(e);
        }
    }

    /// <summary>Best effort (cleanup): a failure is logged, never thrown.</summary>
    private async Task TryAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (JanusException e)
        {
            VideoRoomLog.CleanupFailed(_logger, e.Level, e.Code);
        }
    }
}
