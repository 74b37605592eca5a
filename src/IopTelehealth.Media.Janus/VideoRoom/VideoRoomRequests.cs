using System.Text.Json.Nodes;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>The VideoRoom request bodies we send (janus_videoroom.c, "Video Room API"), in one place.</summary>
internal static class VideoRoomRequests
{
    public const string Plugin = "janus.plugin.videoroom";

    public static JsonObject Create(MediaRoomRecord room, string adminKey, int bitrate) => new()
    {
        ["request"] = "create",
        ["admin_key"] = adminKey,
        ["room"] = room.RoomNumber,
        ["description"] = "iop session",
        ["secret"] = room.Secret,
        ["pin"] = room.Pin,
        ["is_private"] = true,
        ["permanent"] = false,
        ["publishers"] = room.Capacity,
        ["audiocodec"] = "opus",
        ["videocodec"] = "vp8,h264",
        ["bitrate"] = bitrate,
        ["fir_freq"] = 10,
        ["notify_joining"] = false,
        ["lock_record"] = true,
    };

    public static JsonObject Exists(long room) => new() { ["request"] = "exists", ["room"] = room };

    public static JsonObject List(string adminKey) => new() { ["request"] = "list", ["admin_key"] = adminKey };

    public static JsonObject ListParticipants(long room) => new() { ["request"] = "listparticipants", ["room"] = room };

    public static JsonObject Destroy(MediaRoomRecord room) => new() { ["request"] = "destroy", ["room"] = room.RoomNumber, ["secret"] = room.Secret };

    public static JsonObject Kick(MediaRoomRecord room, long feed) => new()
    {
        ["request"] = "kick",
        ["room"] = room.RoomNumber,
        ["secret"] = room.Secret,
        ["id"] = feed,
    };

    public static JsonObject Moderate(MediaRoomRecord room, long feed, string mid, bool mute) => new()
    {
        ["request"] = "moderate",
        ["room"] = room.RoomNumber,
        ["secret"] = room.Secret,
        ["id"] = feed,
        ["mid"] = mid,
        ["mute"] = mute,
    };

    /// <summary>The display name is the room-local participant id: random, no PHI, and it maps feeds back to participants.</summary>
    public static JsonObject JoinPublisher(MediaRoomRecord room, long feed, ParticipantId participant) => new()
    {
        ["request"] = "join",
        ["ptype"] = "publisher",
        ["room"] = room.RoomNumber,
        ["pin"] = room.Pin,
        ["id"] = feed,
        ["display"] = participant.Value,
    };

    /// <summary>A publisher that only listens (never publishes): used to read the current publishers' streams.</summary>
    public static JsonObject JoinObserver(MediaRoomRecord room) => new()
    {
        ["request"] = "join",
        ["ptype"] = "publisher",
        ["room"] = room.RoomNumber,
        ["pin"] = room.Pin,
    };

    public static JsonObject Publish(int bitrate) => new() { ["request"] = "publish", ["bitrate"] = bitrate };

    public static JsonObject Configure() => new() { ["request"] = "configure" };

    /// <summary>
    /// autoupdate off: Janus would otherwise push unsolicited offers when a publisher leaves, which could interleave
    /// with ours; every renegotiation goes through SubscribeAsync instead.
    /// </summary>
    public static JsonObject JoinSubscriber(MediaRoomRecord room, IEnumerable<FeedStream> streams) => new()
    {
        ["request"] = "join",
        ["ptype"] = "subscriber",
        ["room"] = room.RoomNumber,
        ["pin"] = room.Pin,
        ["use_msid"] = true,
        ["autoupdate"] = false,
        ["streams"] = Streams(streams),
    };

    public static JsonObject Update(IEnumerable<FeedStream> subscribe, IEnumerable<string> unsubscribeSubMids)
    {
        var body = new JsonObject { ["request"] = "update" };
        var add = Streams(subscribe);
        if (add.Count > 0)
        {
            body["subscribe"] = add;
        }

        var remove = new JsonArray([.. unsubscribeSubMids.Select(mid => (JsonNode)new JsonObject { ["sub_mid"] = mid })]);
        if (remove.Count > 0)
        {
            body["unsubscribe"] = remove;
        }

        return body;
    }

    public static JsonObject Start() => new() { ["request"] = "start" };

    public static JsonObject Leave() => new() { ["request"] = "leave" };

    public static JsonObject Jsep(SessionDescription description) => new() { ["type"] = description.Type, ["sdp"] = description.Sdp };

    public static JsonObject Candidate(IceCandidate candidate) => candidate.Candidate.Length == 0
        ? new JsonObject { ["completed"] = true }
        : new JsonObject { ["candidate"] = candidate.Candidate, ["sdpMid"] = candidate.SdpMid, ["sdpMLineIndex"] = candidate.SdpMLineIndex };

    private static JsonArray Streams(IEnumerable<FeedStream> streams) =>
        new([.. streams.Select(stream => (JsonNode)new JsonObject { ["feed"] = stream.Feed, ["mid"] = stream.Mid })]);
}
