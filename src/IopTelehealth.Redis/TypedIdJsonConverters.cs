using System.Text.Json;
using System.Text.Json.Serialization;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Redis;

/// <summary>Stores a <see cref="SessionId"/> as its GUID string, keeping serializer attributes out of the domain.</summary>
internal sealed class SessionIdJsonConverter : JsonConverter<SessionId>
{
    public override SessionId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, SessionId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Stores a <see cref="ParticipantId"/> as its string.</summary>
internal sealed class ParticipantIdJsonConverter : JsonConverter<ParticipantId>
{
    public override ParticipantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A participant id is a string."));

    public override void Write(Utf8JsonWriter writer, ParticipantId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
