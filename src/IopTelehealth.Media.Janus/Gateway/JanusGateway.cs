using System.Collections.Concurrent;
using System.Net.WebSockets;
using IopTelehealth.Media.Janus.Options;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.Media.Janus.Gateway;

/// <summary>
/// One Janus node over one WebSocket (subprotocol <c>janus-protocol</c>) with one Janus session. A background loop
/// connects, creates the session, sends keepalives and, when the socket or the session is lost, fails every pending
/// request, kills every handle, waits (1, 2, 4 ... 32 s) and starts again; a replaced session raises
/// <see cref="SessionRecreated"/>. Requests and dispatch live in JanusGateway.Transactions.cs.
/// </summary>
public sealed partial class JanusGateway : IJanusGateway
{
    public const string SubProtocol = "janus-protocol";

    private readonly JanusNodeOptions _node;
    private readonly JanusGatewayOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, JanusHandle> _handles = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _ready = NewReady();
    private ClientWebSocket? _socket;
    private long _sessionId;
    private Task? _loop;

    public JanusGateway(JanusNodeOptions node, JanusGatewayOptions options, ILogger<JanusGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _node = node;
        _options = options;
        _logger = logger;
    }

    public string Node => _node.DisplayName;

    public event EventHandler<JanusSessionRecreatedEventArgs>? SessionRecreated;

    /// <summary>The current Janus session id (0 while disconnected).</summary>
    public long SessionId => Interlocked.Read(ref _sessionId);

    public async Task WaitReadyAsync(CancellationToken cancellationToken = default)
    {
        EnsureStarted();
        Task ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        try
        {
            await ready.WaitAsync(_options.RequestTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new JanusException($"Janus node {Node} is not reachable (no session within {_options.RequestTimeout.TotalSeconds:0} s).");
        }
    }

    public async Task<IJanusHandle> AttachAsync(string plugin, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plugin);
        await WaitReadyAsync(cancellationToken);
        var sessionId = SessionId;
        var reply = await SendAsync(new() { ["janus"] = "attach", ["session_id"] = sessionId, ["plugin"] = plugin }, expectEvent: false, cancellationToken);
        var handleId = reply["data"]?["id"]?.GetValue<long>() ?? throw new JanusException("Janus answered attach without a handle id.");
        var handle = new JanusHandle(this, sessionId, handleId);
        _handles[handleId] = handle;
        return handle;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        // Closing the socket destroys the session (and its handles) in Janus at once; rooms survive.
        _socket?.Abort();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        _stopping.Dispose();
        _sendLock.Dispose();
    }

    internal void Forget(long handleId) => _handles.TryRemove(handleId, out _);

    private static TaskCompletionSource NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void EnsureStarted()
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        lock (_gate)
        {
            _loop ??= Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var attempt = 0;
        var hadSession = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.AddSubProtocol(SubProtocol);
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                await socket.ConnectAsync(_node.Uri, stopping);
                _socket = socket;
                var receiving = ReceiveLoopAsync(socket, stopping);
                var sessionId = await CreateSessionAsync(stopping);
                Interlocked.Exchange(ref _sessionId, sessionId);
                attempt = 0;
                JanusLog.SessionCreated(_logger, Node, sessionId);
                lock (_gate)
                {
                    _ready.TrySetResult();
                }

                if (hadSession)
                {
                    SessionRecreated?.Invoke(this, new JanusSessionRecreatedEventArgs(Node, sessionId));
                }

                hadSession = true;
                await KeepAliveAsync(socket, receiving, sessionId, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (JanusException e) when (e.Level == JanusErrorLevel.Core)
            {
                // Janus refused the session (a wrong api secret): waiters hear why at once instead of timing out.
                JanusLog.ConnectionFailed(_logger, Node, e.GetType().Name, e.Message);
                lock (_gate)
                {
                    _ready.TrySetException(e);
                }
            }
            catch (Exception e) when (e is WebSocketException or JanusException or IOException or OperationCanceledException or TimeoutException)
            {
                JanusLog.ConnectionFailed(_logger, Node, e.GetType().Name, e.Message);
            }
            finally
            {
                Disconnected();
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            attempt++;
            var delay = _options.ReconnectDelay(attempt);
            JanusLog.Reconnecting(_logger, Node, attempt, delay.TotalSeconds);
            await Task.Delay(delay, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends a keepalive every interval until the socket closes or Janus no longer knows the session.</summary>
    private async Task KeepAliveAsync(ClientWebSocket socket, Task receiving, long sessionId, CancellationToken stopping)
    {
        while (!receiving.IsCompleted)
        {
            var tick = Task.Delay(_options.KeepaliveInterval, stopping);
            if (await Task.WhenAny(receiving, tick) == receiving)
            {
                break;
            }

            try
            {
                await SendAsync(new() { ["janus"] = "keepalive", ["session_id"] = sessionId }, expectEvent: false, stopping);
            }
            catch (JanusException e) when (e.Level == JanusErrorLevel.Core)
            {
                // 458: the session timed out or was destroyed; a new socket gets a new session.
                JanusLog.SessionLost(_logger, Node, sessionId, e.Code);
                break;
            }
        }

        socket.Abort();
        await receiving;
    }

    private async Task<long> CreateSessionAsync(CancellationToken cancellationToken)
    {
        var reply = await SendAsync(new() { ["janus"] = "create" }, expectEvent: false, cancellationToken);
        return reply["data"]?["id"]?.GetValue<long>() ?? throw new JanusException("Janus answered create without a session id.");
    }

    /// <summary>Everything that belonged to the lost session fails now rather than at its timeout.</summary>
    private void Disconnected()
    {
        _socket = null;
        Interlocked.Exchange(ref _sessionId, 0);
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReady();
            }
        }

        foreach (var (transaction, pending) in _pending)
        {
            if (_pending.TryRemove(transaction, out _))
            {
                pending.Fail(new JanusException($"The connection to Janus node {Node} was lost."));
            }
        }

        foreach (var (id, handle) in _handles)
        {
            if (_handles.TryRemove(id, out _))
            {
                handle.MarkDead();
            }
        }
    }
}
