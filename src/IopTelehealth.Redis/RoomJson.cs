using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Redis;

/// <summary>
/// The serializer contracts the stores use: the generated ones, minus every property without a setter. Those are
/// computed views (<see cref="RoomState.Lobby"/>, <see cref="RoomState.HandQueue"/>, <see cref="RoomParticipant.IsPresent"/>),
/// not data. <c>IgnoreReadOnlyProperties</c> is not enough: System.Text.Json still writes read-only collections
/// (it could populate them on read), which would store the lobby and hand queue twice in every room key.
/// </summary>
internal static class RoomJson
{
    private static readonly JsonSerializerOptions Options = new(RoomJsonContext.Default.Options)
    {
        TypeInfoResolver = RoomJsonContext.Default.WithAddedModifier(SkipComputedProperties),
    };

    public static JsonTypeInfo<RoomState> RoomState { get; } = (JsonTypeInfo<RoomState>)Options.GetTypeInfo(typeof(RoomState));

    public static JsonTypeInfo<ChatMessage> ChatMessage { get; } = (JsonTypeInfo<ChatMessage>)Options.GetTypeInfo(typeof(ChatMessage));

    private static void SkipComputedProperties(JsonTypeInfo typeInfo)
    {
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Set is null && typeInfo.Kind == JsonTypeInfoKind.Object)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
