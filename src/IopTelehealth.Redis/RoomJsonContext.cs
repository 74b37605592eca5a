using System.Text.Json.Serialization;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Redis;

/// <summary>
/// Source-generated (reflection-free) JSON metadata for what the stores write; <see cref="RoomJson"/> adds the one
/// rule attributes would otherwise have to put into the domain. Enums are numbers: their values are fixed in the
/// domain, and numbers keep the hot key small.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SessionIdJsonConverter), typeof(ParticipantIdJsonConverter)])]
[JsonSerializable(typeof(RoomState))]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(MediaRoomRecord))]
[JsonSerializable(typeof(MediaHandleOwner))]
internal sealed partial class RoomJsonContext : JsonSerializerContext;
