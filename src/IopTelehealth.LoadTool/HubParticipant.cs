using System.Diagnostics;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;

namespace IopTelehealth.LoadTool;

/// <summary>
/// One simulated participant on the room hub: a real <see cref="RoomClient"/> with its own token and WebSocket. A
/// therapist admits everyone who reaches its lobby at once (a therapist with no think time), so the join latency of a
/// patient covers the lobby, the therapist's notification and the admit.
/// </summary>
internal sealed class HubParticipant : ISimulatedParticipant, IAsyncDisposable
{
    // The seeded patients accepted the clinic's consent already.
    private static readonly AttestationDto AtHome = new("Home", "IL", PrivateSpace: true, AcceptedConsentVersion: null);

    private readonly LoadParticipant _who;
    private readonly LoadCounters _counters;
    private readonly RoomClient _client;
    private readonly TaskCompletionSource _admitted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _admitting = new(StringComparer.Ordinal);

    public HubParticipant(LoadParticipant who, string token, LoadOptions options, LoadCounters counters)
    {
        _who = who;
        _counters = counters;
        _client = new RoomClient(new RoomClientOptions
        {
            Servers = [options.Server],
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            UseMessagePack = options.MessagePack,
            HeartbeatInterval = options.HeartbeatInterval,
            // A load run measures; it never reconnects behind our back.
            GiveUpAfter = TimeSpan.Zero,
        });
        _client.EventReceived += name =>
        {
            counters.Event();
            if (name == nameof(IRoomClient.RoomSnapshot))
            {
                _admitted.TrySetResult();
            }
        };
        _client.ChatReceived += message => counters.Chat(ChatStamp.Read(message.Text), who.Index);
        if (who.Therapist)
        {
            _client.View.Changed += AdmitWaiting;
        }
    }

    public int Index => _who.Index;

    public async Task ConnectAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await _client.StartAsync();
        _counters.Connect.AddTicks(started, Stopwatch.GetTimestamp());
    }

    public async Task JoinAsync(Guid sessionId)
    {
        var started = Stopwatch.GetTimestamp();
        await _client.JoinSession(sessionId, _who.Therapist ? null : AtHome);
        _counters.JoinRoundTrip.AddTicks(started, Stopwatch.GetTimestamp());
        await _admitted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        _counters.JoinAdmitted.AddTicks(started, Stopwatch.GetTimestamp());
    }

    public Task SendChatAsync(string text) => _client.SendChat(text, null);

    public Task SetHandAsync(bool raised) => raised ? _client.RaiseHand() : _client.LowerHand();

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private void AdmitWaiting()
    {
        foreach (var entry in _client.View.Lobby)
        {
            bool fresh;
            lock (_admitting)
            {
                fresh = _admitting.Add(entry.Id);
            }

            if (fresh)
            {
                _ = AdmitAsync(entry.Id);
            }
        }
    }

    private async Task AdmitAsync(string participantId)
    {
        try
        {
            await _client.Admit(participantId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _counters.Error("admit:" + (e is RoomCallException room ? room.Code : e.GetType().Name));
        }
    }
}
