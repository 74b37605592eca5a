using IopTelehealth.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace IopTelehealth.Client;

/// <summary>Connecting, reconnecting across servers, and routing hub events into the view.</summary>
public sealed partial class RoomClient
{
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            var server = _options.Servers[_server % _options.Servers.Count];
            var connection = Build(server);
            await connection.StartAsync(cancellationToken);
            _connection = connection;
            ConnectedTo = server;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>
    /// The connection died under us (network, node loss). Try the servers in turn with growing pauses, then join the
    /// same session again: within the grace window the server resumes the same participant.
    /// </summary>
    private async Task ReconnectAsync(HubConnection dead)
    {
        if (!ReferenceEquals(dead, _connection))
        {
            return;
        }

        var started = DateTime.UtcNow;
        for (var attempt = 0; !_life.IsCancellationRequested && DateTime.UtcNow - started < _options.GiveUpAfter; attempt++)
        {
            await Task.Delay(_options.ReconnectDelays[Math.Min(attempt, _options.ReconnectDelays.Count - 1)], _life.Token).ConfigureAwait(false);
            _server++;
            try
            {
                await ConnectAsync(_life.Token);
                if (_joined is { } joined)
                {
                    View.Joined(await Invoke<JoinReplyDto>(nameof(IRoomHub.JoinSession), joined.SessionId, joined.Attestation));
                }

                Resumed?.Invoke(ConnectedTo!);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Next server, longer pause. A connection whose resume failed is closed, not left open beside the next one.
                if (_connection is { } failed && !ReferenceEquals(failed, dead))
                {
                    _connection = null;
                    await failed.DisposeAsync();
                }
            }
        }
    }

    private void Subscribe(HubConnection connection)
    {
        On<RoomSnapshotDto>(connection, nameof(IRoomClient.RoomSnapshot), View.Snapshot);
        On<ParticipantDto>(connection, nameof(IRoomClient.ParticipantJoined), View.Upsert);
        On<ParticipantDto>(connection, nameof(IRoomClient.ParticipantUpdated), View.Upsert);
        connection.On<string, string>(nameof(IRoomClient.ParticipantLeft), (id, reason) =>
        {
            EventReceived?.Invoke(nameof(IRoomClient.ParticipantLeft));
            View.Remove(id, reason);
        });
        On<IReadOnlyList<LobbyEntryDto>>(connection, nameof(IRoomClient.LobbyChanged), View.SetLobby);
        On<IReadOnlyList<string>>(connection, nameof(IRoomClient.HandQueueChanged), View.SetHands);
        On<ChatMessageDto>(connection, nameof(IRoomClient.Chat), message =>
        {
            ChatReceived?.Invoke(message);
            View.AddChat(message);
        });
        On<HelpRequestDto>(connection, nameof(IRoomClient.HelpRequested), View.AddHelp);
        On<bool>(connection, nameof(IRoomClient.Muted), View.Muted);
        On(connection, nameof(IRoomClient.AskedToUnmute), View.AskedToUnmuteNow);
        On(connection, nameof(IRoomClient.VideoStopped), View.VideoStopped);
        On<bool>(connection, nameof(IRoomClient.Removed), banned => Forget(() => View.Gone(removed: true, banned: banned)));
        On(connection, nameof(IRoomClient.Denied), () => Forget(() => View.Gone(denied: true)));
        On(connection, nameof(IRoomClient.Replaced), () => Forget(() => View.Gone(replaced: true)));
        On(connection, nameof(IRoomClient.CheckedInAtClinic), () => Forget(() => View.Gone(checkedInAtClinic: true)));
        On<RoomInfoDto>(connection, nameof(IRoomClient.RoomUpdated), View.SetRoom);
        On(connection, nameof(IRoomClient.SessionEnded), () => Forget(() => View.Gone(ended: true)));
        SubscribeMedia(connection);
    }

    /// <summary>The server sent us away: do not resume this session after a later drop.</summary>
    private void Forget(Action apply)
    {
        _joined = null;
        apply();
    }

    private void On<T>(HubConnection connection, string name, Action<T> apply) => connection.On<T>(name, value =>
    {
        EventReceived?.Invoke(name);
        apply(value);
    });

    private void On(HubConnection connection, string name, Action apply) => connection.On(name, () =>
    {
        EventReceived?.Invoke(name);
        apply();
    });
}
