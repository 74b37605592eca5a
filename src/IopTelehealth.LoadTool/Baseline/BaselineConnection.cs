using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;

namespace IopTelehealth.LoadTool.Baseline;

/// <summary>
/// One baseline socket: a receive loop that parses SignalR-shaped invocations, and a single writer draining a queue
/// (a WebSocket allows one send at a time; SignalR serializes the same way).
/// </summary>
internal sealed class BaselineConnection(WebSocket socket, ConcurrentDictionary<string, BaselineRoom> rooms)
{
    private const byte RecordSeparator = 0x1e;

    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private BaselineRoom? _room;
    private string _name = "";

    public async Task RunAsync(CancellationToken aborted)
    {
        var writer = WriteAsync(aborted);
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                foreach (var record in Records(buffer.WrittenMemory))
                {
                    Handle(record.Span);
                }

                buffer.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            if (_room is { } room)
            {
                lock (room.Gate)
                {
                    room.Members.Remove(this);
                    room.Hands.Remove(_id);
                }
            }

            _outbox.Writer.TryComplete();
            await writer;
        }
    }

    private void Enqueue(byte[] frame) => _outbox.Writer.TryWrite(frame);

    private async Task WriteAsync(CancellationToken aborted)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(aborted))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, aborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }

    private void Handle(ReadOnlySpan<byte> record)
    {
        var (invocationId, target, argument) = Parse(record);
        switch (target)
        {
            case "JoinSession":
                Join(argument ?? "");
                Enqueue(Frame(w =>
                {
                    Completion(w, invocationId);
                    w.WriteStartObject("result");
                    w.WriteString("protocolVersion", "1");
                    w.WriteString("participantId", _id);
                    w.WriteString("admission", "admitted");
                    w.WriteBoolean("resumed", false);
                    w.WriteNull("room");
                    w.WriteEndObject();
                }));
                return;
            case "SendChat" when _room is { } room:
                Broadcast(room, Frame(w =>
                {
                    Invocation(w, "Chat");
                    w.WriteStartObject();
                    w.WriteString("id", Guid.NewGuid().ToString("N"));
                    w.WriteString("fromParticipantId", _id);
                    w.WriteString("fromName", _name);
                    w.WriteNull("toParticipantId");
                    w.WriteBoolean("private", false);
                    w.WriteString("text", argument);
                    w.WriteString("at", DateTimeOffset.UtcNow);
                    w.WriteEndObject();
                }));
                break;
            case "RaiseHand" or "LowerHand" when _room is { } room:
                string[] hands;
                lock (room.Gate)
                {
                    room.Hands.Remove(_id);
                    if (target == "RaiseHand")
                    {
                        room.Hands.Add(_id);
                    }

                    hands = [.. room.Hands];
                }

                var raised = target == "RaiseHand";
                Broadcast(room, Frame(w =>
                {
                    Invocation(w, "ParticipantUpdated");
                    w.WriteStartObject();
                    w.WriteString("id", _id);
                    w.WriteString("displayName", _name);
                    w.WriteString("role", "patient");
                    w.WriteBoolean("audioOn", false);
                    w.WriteBoolean("videoOn", false);
                    w.WriteBoolean("hardMuted", false);
                    w.WriteBoolean("videoStopped", false);
                    w.WriteBoolean("handRaised", raised);
                    w.WriteBoolean("connected", true);
                    w.WriteEndObject();
                }));
                Broadcast(room, Frame(w =>
                {
                    Invocation(w, "HandQueueChanged");
                    w.WriteStartArray();
                    foreach (var hand in hands)
                    {
                        w.WriteStringValue(hand);
                    }

                    w.WriteEndArray();
                }));
                break;
            default:
                // Heartbeat and anything else: acknowledged only.
                break;
        }

        Enqueue(Frame(w =>
        {
            Completion(w, invocationId);
            w.WriteNull("result");
        }));
    }

    private void Join(string roomKey)
    {
        var room = rooms.GetOrAdd(roomKey, _ => new BaselineRoom());
        lock (room.Gate)
        {
            _name = $"Load {roomKey}-{room.Members.Count:00}";
            room.Members.Add(this);
        }

        _room = room;
    }

    private static void Broadcast(BaselineRoom room, byte[] frame)
    {
        foreach (var member in room.Snapshot())
        {
            member.Enqueue(frame);
        }
    }

    private static void Invocation(Utf8JsonWriter w, string target)
    {
        w.WriteNumber("type", 1);
        w.WriteString("target", target);
        w.WriteStartArray("arguments");
    }

    private static void Completion(Utf8JsonWriter w, string? invocationId)
    {
        w.WriteNumber("type", 3);
        w.WriteString("invocationId", invocationId);
    }

    /// <summary>One JSON object (the body writes its members; an open arguments array is closed here) and the record separator.</summary>
    private static byte[] Frame(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            if (w.CurrentDepth == 2)
            {
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        buffer.Write([RecordSeparator]);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>invocationId, target and the first argument when it is a string (chat text, session key).</summary>
    private static (string? InvocationId, string? Target, string? Argument) Parse(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        string? invocationId = null, target = null, argument = null;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                invocationId = reader.GetString();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                if (reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    argument = reader.GetString();
                }

                break;
            }
        }

        return (invocationId, target, argument);
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Records(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var end = data.Span.IndexOf(RecordSeparator);
            if (end < 0)
            {
                yield return data;
                yield break;
            }

            if (end > 0)
            {
                yield return data[..end];
            }

            data = data[(end + 1)..];
        }
    }
}
