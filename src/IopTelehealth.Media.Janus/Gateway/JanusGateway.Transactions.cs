using System.Buffers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>Requests (one transaction each), the receive loop, and routing of what Janus sends back.</summary>
public sealed partial class JanusGateway
{
    /// <summary>
    /// Sends one request and waits for its answer. Synchronous requests complete on <c>success</c> (or <c>ack</c> for
    /// keepalive and trickle); with <paramref name="expectEvent"/> the <c>ack</c> is skipped and the <c>event</c> carrying
    /// the same transaction completes it. A core <c>error</c> and a plugin <c>error_code</c> both throw <see cref="JanusException"/>.
    /// </summary>
    internal async Task<JsonObject> SendAsync(JsonObject message, bool expectEvent, CancellationToken cancellationToken)
    {
        var transaction = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        message["transaction"] = transaction;
        message["apisecret"] = _node.ApiSecret;
        var pending = new PendingRequest(expectEvent);
        _pending[transaction] = pending;
        try
        {
            var socket = _socket ?? throw new JanusException($"Janus node {Node} is not connected.");
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            finally
            {
                _sendLock.Release();
            }

            return await pending.Completion.Task.WaitAsync(_options.RequestTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new JanusException($"Janus node {Node} did not answer a '{message["janus"]}' request within {_options.RequestTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            throw new JanusException($"Janus node {Node}: the request could not be sent.", e);
        }
        finally
        {
            _pending.TryRemove(transaction, out _);
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, CancellationToken stopping)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (socket.State == WebSocketState.Open && !stopping.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(8 * 1024), stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > _options.MaxMessageBytes)
                {
                    JanusLog.MessageTooLarge(_logger, Node, buffer.WrittenCount);
                    break;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                Dispatch(buffer.WrittenMemory);
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket closed under us; the supervisor reconnects.
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> utf8)
    {
        JsonObject message;
        try
        {
            message = JsonNode.Parse(utf8.Span) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            JanusLog.UnreadableMessage(_logger, Node);
            return;
        }

        var type = message["janus"]?.GetValue<string>() ?? "";
        var transaction = message["transaction"]?.GetValue<string>();
        if (transaction is not null && _pending.TryGetValue(transaction, out var pending) && Settle(pending, type, message))
        {
            return;
        }

        if (type == "timeout")
        {
            // Janus dropped the session (no keepalive in time): a new socket gets a new session.
            JanusLog.SessionLost(_logger, Node, SessionId, JanusErrorCodes.SessionNotFound);
            _socket?.Abort();
            return;
        }

        var sender = message["sender"]?.GetValue<long>();
        if (sender is { } handleId && _handles.TryGetValue(handleId, out var handle))
        {
            handle.Raise(new JanusHandleEvent(handleId, type, message));
        }
    }

    /// <summary>Completes or fails a pending request; false when the message is not its answer (an ack awaiting an event).</summary>
    private static bool Settle(PendingRequest pending, string type, JsonObject message)
    {
        switch (type)
        {
            case "ack" when pending.ExpectEvent:
                return true;
            case "error":
                var error = message["error"];
                pending.Fail(new JanusException(
                    JanusErrorLevel.Core,
                    error?["code"]?.GetValue<int>() ?? 0,
                    error?["reason"]?.GetValue<string>() ?? "Janus error"));
                return true;
            case "ack" or "success" or "event" or "server_info":
                if (message["plugindata"]?["data"] is JsonObject data && data["error_code"] is { } code)
                {
                    pending.Fail(new JanusException(JanusErrorLevel.Plugin, code.GetValue<int>(), data["error"]?.GetValue<string>() ?? "plugin error"));
                }
                else
                {
                    pending.Completion.TrySetResult(message);
                }

                return true;
            default:
                return false;
        }
    }

    internal sealed class PendingRequest(bool expectEvent)
    {
        public bool ExpectEvent { get; } = expectEvent;

        public TaskCompletionSource<JsonObject> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(JanusException exception) => Completion.TrySetException(exception);
    }
}
