using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;

namespace IopTelehealth.LoadTool.Baseline;

/// <summary>
/// One simulated participant on the raw baseline: a plain <see cref="ClientWebSocket"/> sending the same SignalR-shaped
/// JSON frames the hub client sends (join, chat, hands, heartbeats) and reading every frame that comes back.
/// </summary>
internal sealed class BaselineParticipant(LoadParticipant who, Uri server, LoadCounters counters) : ISimulatedParticipant, IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _life = new();
    private TaskCompletionSource? _joined;
    private Task? _receiving;
    private Task? _heartbeats;
    private int _invocation;

    public int Index => who.Index;

    public async Task ConnectAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await _socket.ConnectAsync(server, _life.Token);
        counters.Connect.AddTicks(started, Stopwatch.GetTimestamp());
        _receiving = ReceiveAsync();
    }

    public async Task JoinAsync(TimeSpan heartbeatInterval)
    {
        var started = Stopwatch.GetTimestamp();
        _joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await InvokeAsync("JoinSession", who.Room.ToString("0000", CultureInfo.InvariantCulture));
        await _joined.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var took = Stopwatch.GetTimestamp();
        // No lobby here: the reply is the admission.
        counters.JoinRoundTrip.AddTicks(started, took);
        counters.JoinAdmitted.AddTicks(started, took);
        _heartbeats = HeartbeatAsync(heartbeatInterval);
    }

    public Task SendChatAsync(string text) => InvokeAsync("SendChat", text, toNull: true);

    public Task SetHandAsync(bool raised) => InvokeAsync(raised ? "RaiseHand" : "LowerHand");

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closing anyway.
        }

        foreach (var task in new[] { _receiving, _heartbeats })
        {
            if (task is not null)
            {
                await task;
            }
        }

        _socket.Dispose();
        _sending.Dispose();
        _life.Dispose();
    }

    /// <summary>The frame the SignalR JSON protocol would send for this invocation (fields in the same order).</summary>
    private async Task InvokeAsync(string target, string? argument = null, bool toNull = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("type", 1);
            w.WriteString("invocationId", Interlocked.Increment(ref _invocation).ToString(CultureInfo.InvariantCulture));
            w.WriteString("target", target);
            w.WriteStartArray("arguments");
            if (argument is not null)
            {
                w.WriteStringValue(argument);
            }

            if (toNull)
            {
                w.WriteNullValue();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        buffer.Write([(byte)0x1e]);
        await _sending.WaitAsync(_life.Token);
        try
        {
            await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _life.Token);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _life.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    OnFrame(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed.
        }
    }

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.StartsWith("{\"type\":3"u8))
        {
            _joined?.TrySetResult();
            return;
        }

        counters.Event();
        if (frame.IndexOf("\"target\":\"Chat\""u8) >= 0)
        {
            counters.Chat(ChatStamp.Read(frame), who.Index);
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_life.Token))
            {
                await InvokeAsync("Heartbeat");
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closed.
        }
    }
}
