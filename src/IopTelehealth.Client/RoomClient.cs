using System.Diagnostics.CodeAnalysis;
using IopTelehealth.Contracts.Rooms;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Client;

/// <summary>
/// A typed client of the room hub for .NET (tests, the load tool, the WebAssembly room page, room devices).
/// It keeps <see cref="View"/> current, heartbeats while joined, and after a drop reconnects (to the next server in
/// <see cref="RoomClientOptions.Servers"/>) and resumes the same participant by joining again within the grace window.
/// </summary>
public sealed partial class RoomClient : IAsyncDisposable
{
    private readonly RoomClientOptions _options;
    private readonly CancellationTokenSource _life = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private HubConnection? _connection;
    private int _server;
    private (Guid SessionId, AttestationDto? Attestation)? _joined;
    private Task? _heartbeats;

    public RoomClient(RoomClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Servers.Count == 0)
        {
            throw new ArgumentException("At least one server address is needed.", nameof(options));
        }

        _options = options;
    }

    public RoomView View { get; } = new();

    /// <summary>Every hub event by name as it arrives, before <see cref="View"/> applies it (for timing in the load tool).</summary>
    public event Action<string>? EventReceived;

    /// <summary>Every chat line as it arrives, before <see cref="View"/> applies it (the load tool reads its send time).</summary>
    public event Action<ChatMessageDto>? ChatReceived;

    /// <summary>Raised after the client re-established its connection and resumed its session.</summary>
    public event Action<Uri>? Resumed;

    public Uri? ConnectedTo { get; private set; }

    public HubConnectionState State => _connection?.State ?? HubConnectionState.Disconnected;

    public Task StartAsync(CancellationToken cancellationToken = default) => ConnectAsync(cancellationToken);

    public Task<PreJoinDto> PrepareJoin(Guid sessionId) => Invoke<PreJoinDto>(nameof(IRoomHub.PrepareJoin), sessionId);

    public async Task<JoinReplyDto> JoinSession(Guid sessionId, AttestationDto? attestation)
    {
        var reply = await Invoke<JoinReplyDto>(nameof(IRoomHub.JoinSession), sessionId, attestation);
        _joined = (sessionId, attestation);
        View.Joined(reply);
        _heartbeats ??= HeartbeatLoopAsync();
        return reply;
    }

    public async Task LeaveSession()
    {
        _joined = null;
        await Send(nameof(IRoomHub.LeaveSession));
        View.Left();
    }

    public Task Heartbeat() => Send(nameof(IRoomHub.Heartbeat));

    public Task SetMedia(bool audio, bool video) => Send(nameof(IRoomHub.SetMedia), audio, video);

    public Task RaiseHand() => Send(nameof(IRoomHub.RaiseHand));

    public Task LowerHand() => Send(nameof(IRoomHub.LowerHand));

    public Task SendChat(string text, string? toParticipantId) => Send(nameof(IRoomHub.SendChat), text, toParticipantId);

    public Task RequestHelp(string message) => Send(nameof(IRoomHub.RequestHelp), message);

    public Task OpenSession(Guid sessionId) => Send(nameof(IRoomHub.OpenSession), sessionId);

    public Task Admit(string participantId) => Send(nameof(IRoomHub.Admit), participantId);

    public Task AdmitAll() => Send(nameof(IRoomHub.AdmitAll));

    public Task Deny(string participantId) => Send(nameof(IRoomHub.Deny), participantId);

    public Task Mute(string participantId) => Send(nameof(IRoomHub.Mute), participantId);

    public Task AskToUnmute(string participantId) => Send(nameof(IRoomHub.AskToUnmute), participantId);

    public Task MuteAll() => Send(nameof(IRoomHub.MuteAll));

    public Task StopVideo(string participantId) => Send(nameof(IRoomHub.StopVideo), participantId);

    public Task LowerHandOf(string participantId) => Send(nameof(IRoomHub.LowerHandOf), participantId);

    public Task Remove(string participantId, bool banForSession) => Send(nameof(IRoomHub.Remove), participantId, banForSession);

    public Task Lock() => Send(nameof(IRoomHub.Lock));

    public Task Unlock() => Send(nameof(IRoomHub.Unlock));

    public Task Spotlight(string? participantId) => Send(nameof(IRoomHub.Spotlight), participantId);

    public Task EndSession() => Send(nameof(IRoomHub.EndSession));

    /// <summary>Calls any hub method by name with raw arguments (for tests of bad input).</summary>
    public Task<T> InvokeRawAsync<T>(string method, params object?[] args) => Invoke<T>(method, args);

    /// <summary>Drops the connection without leaving, as a lost network would (tests of the grace window).</summary>
    public async Task DropAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_heartbeats is not null)
        {
            await _heartbeats;
        }

        _life.Dispose();
        _connecting.Dispose();
    }

    private async Task<T> Invoke<T>(string method, params object?[] args)
    {
        var connection = _connection ?? throw new InvalidOperationException("Start the client first.");
        try
        {
            return await connection.InvokeCoreAsync<T>(method, args, _life.Token);
        }
        catch (HubException e)
        {
            throw RoomCallException.From(e);
        }
    }

    private async Task Send(string method, params object?[] args)
    {
        var connection = _connection ?? throw new InvalidOperationException("Start the client first.");
        try
        {
            await connection.InvokeCoreAsync(method, args, _life.Token);
        }
        catch (HubException e)
        {
            throw RoomCallException.From(e);
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_life.Token))
            {
                if (_joined is not null && _connection?.State == HubConnectionState.Connected)
                {
                    try
                    {
                        await Heartbeat();
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // A heartbeat lost to a drop is replaced by the resume; the next tick tries again.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>
    /// Off in the browser build (IopTelehealth.Web.Client sets the switch to false): the trimmer then drops MessagePack
    /// and what it pulls in (~0.4 MB compressed) from the room page's download. Everywhere else it is on.
    /// </summary>
    [FeatureSwitchDefinition(MessagePackSwitch)]
    private static bool MessagePackSupported => !AppContext.TryGetSwitch(MessagePackSwitch, out var enabled) || enabled;

    public const string MessagePackSwitch = "IopTelehealth.Client.MessagePack";

    private static void AddMessagePack(IHubConnectionBuilder builder)
    {
        if (!MessagePackSupported)
        {
            throw new NotSupportedException($"This build leaves the MessagePack protocol out ({MessagePackSwitch}=false); use JSON.");
        }

        builder.AddMessagePackProtocol();
    }

    private HubConnection Build(Uri server)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, RoomProtocol.HubPath.TrimStart('/')), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = _options.AccessTokenProvider;
            if (_options.Cookies is not null)
            {
                options.Cookies = _options.Cookies;
            }

            if (_options.Origin is not null)
            {
                options.Headers["Origin"] = _options.Origin;
            }

            if (_options.HttpMessageHandlerFactory is not null)
            {
                options.HttpMessageHandlerFactory = _options.HttpMessageHandlerFactory;
            }
        });
        if (_options.UseMessagePack)
        {
            AddMessagePack(builder);
        }

        var connection = builder.Build();
        Subscribe(connection);
        connection.Closed += error => error is null || _life.IsCancellationRequested ? Task.CompletedTask : ReconnectAsync(connection);
        return connection;
    }
}
