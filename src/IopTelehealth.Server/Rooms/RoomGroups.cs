using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Rooms;

/// <summary>SignalR group names of a room, in one place: everyone joined (lobby too), admitted participants, moderators.</summary>
internal static class RoomGroups
{
    public static string All(SessionId id) => $"room:{id}";

    public static string Admitted(SessionId id) => $"room:{id}:in";

    public static string Moderators(SessionId id) => $"room:{id}:mod";
}
