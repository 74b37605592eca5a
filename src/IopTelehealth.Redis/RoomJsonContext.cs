using System.Text.Json.Serialization;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Redis;

/// <summary>
/// Source-generated (reflection-free) JSON for what the stores write. Read-only properties (computed views such as
/// <see cref="RoomState.Lobby"/> and <see cref="RoomParticipant.IsPresent"/>) are skipped: they are derived, not data.
/// Enums are numbers: their values are fixed in the domain, and numbers keep the hot key small.
/// </summary>
[JsonSourceGenerationOptions(
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SessionIdJsonConverter), typeof(ParticipantIdJsonConverter)])]
[JsonSerializable(typeof(RoomState))]
[JsonSerializable(typeof(ChatMessage))]
internal sealed partial class RoomJsonContext : JsonSerializerContext;
