using System.Text.Json;
using IopTelehealth.Domain.Media;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.Media.Janus.Events;

/// <summary>
/// Turns the sample event handler's posts (a JSON array of events, or one event) into <see cref="MediaEvent"/>s:
/// webrtc <c>webrtcup</c> → Up; webrtc <c>hangup</c>, ICE <c>failed</c> and handle <c>detached</c> → Down (Janus 1.1.2
/// posts no hangup when a handle is detached with its PeerConnection); media <c>receiving</c> true/false → Flowing/Stalled. Handles this
/// no server node owns are ignored (they are gone; with several nodes the map is shared through Redis). The endpoint authenticates first.
/// </summary>
public sealed partial class JanusEventSink(
    IMediaHandleDirectory handles,
    IEnumerable<IMediaEventListener> listeners,
    TimeProvider time,
    ILogger<JanusEventSink> logger)
{
    /// <summary>Janus groups at most a few dozen events per post; more is not Janus.</summary>
    public const int MaxEventsPerPost = 1000;

    private const int TypeHandle = 2;
    private const int TypeWebRtc = 16;
    private const int TypeMedia = 32;

    private readonly IReadOnlyList<IMediaEventListener> _listeners = [.. listeners];

    /// <summary>Returns how many media events were raised; throws <see cref="JsonException"/> when the payload is not Janus's shape.</summary>
    public async Task<int> AcceptAsync(JsonElement payload, CancellationToken cancellationToken = default)
    {
        var events = payload.ValueKind switch
        {
            JsonValueKind.Array when payload.GetArrayLength() <= MaxEventsPerPost => payload.EnumerateArray().ToList(),
            JsonValueKind.Object => [payload],
            _ => throw new JsonException("Expected a Janus event or an array of at most 1000 events."),
        };
        if (events.Any(e => e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Number))
        {
            throw new JsonException("Every Janus event is an object with a numeric type.");
        }

        var raised = 0;
        foreach (var janusEvent in events)
        {
            if (await TranslateAsync(janusEvent, cancellationToken) is not { } mediaEvent)
            {
                continue;
            }

            raised++;
            foreach (var listener in _listeners)
            {
                try
                {
                    await listener.OnMediaEventAsync(mediaEvent, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ListenerFailed(logger, e.GetType().Name);
                }
            }
        }

        return raised;
    }

    private async Task<MediaEvent?> TranslateAsync(JsonElement janusEvent, CancellationToken cancellationToken)
    {
        if (!janusEvent.TryGetProperty("handle_id", out var handleId) || !handleId.TryGetInt64(out var id)
            || !janusEvent.TryGetProperty("event", out var body) || body.ValueKind != JsonValueKind.Object
            || await handles.FindAsync(id, cancellationToken) is not { } owner)
        {
            return null;
        }

        MediaEventKind? kind = janusEvent.GetProperty("type").GetInt32() switch
        {
            TypeWebRtc when Text(body, "connection") == "webrtcup" => MediaEventKind.Up,
            TypeWebRtc when Text(body, "connection") == "hangup" || Text(body, "ice") == "failed" => MediaEventKind.Down,
            TypeHandle when Text(body, "name") == "detached" => MediaEventKind.Down,
            TypeMedia when Flag(body, "receiving") is { } receiving => receiving ? MediaEventKind.Flowing : MediaEventKind.Stalled,
            _ => null,
        };
        return kind is { } k ? new MediaEvent(owner.SessionId, owner.ParticipantId, k, owner.Leg, time.GetUtcNow()) : null;
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Janus has sent this flag both as a JSON boolean and as the string "true"/"false".</summary>
    private static bool? Flag(JsonElement body, string name) => body.TryGetProperty(name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetString() == "true",
            _ => null,
        }
        : null;

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "A media event listener failed ({ErrorType}).")]
    private static partial void ListenerFailed(ILogger logger, string errorType);
}
