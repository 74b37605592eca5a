using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using Microsoft.AspNetCore.SignalR;

namespace IopTelehealth.Server.Rooms;

/// <summary>
/// Turns room events into hub events and decides each one's audience. Group changes go through the hub context, so
/// with the Redis backplane a connection served by another node is moved into its groups too.
/// </summary>
internal sealed partial class SignalRRoomNotifier(IHubContext<RoomHub, IRoomClient> hub, IRoomStore rooms, TimeProvider clock, RoomSettings settings,
    ILogger<SignalRRoomNotifier> log) : IRoomNotifier
{
    /// <summary>
    /// How long moving a connection of another node into or out of groups may wait. With the Redis backplane SignalR waits
    /// for the owning node's acknowledgement, up to 30 s per group; a killed node never answers, and a resume, an admit or a
    /// removal must not hang on it. A live node answers in milliseconds.
    /// </summary>
    internal static readonly TimeSpan GroupChangeTimeout = TimeSpan.FromSeconds(2);

    public async Task PublishAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        var id = state.SessionId;
        foreach (var roomEvent in events)
        {
            switch (roomEvent)
            {
                case ParticipantAdmitted { ByModerator: true } admitted when state.Find(admitted.ParticipantId) is { ConnectionId: { } connection } participant:
                    await SendSnapshotAfterGroupsAsync(connection, participant, id, cancellationToken);
                    break;
                case ParticipantJoined joined when state.Find(joined.ParticipantId) is { } participant:
                    await hub.Clients.Group(RoomGroups.Admitted(id)).ParticipantJoined(RoomViews.Participant(participant));
                    break;
                case ParticipantLeft left:
                    await hub.Clients.Group(RoomGroups.Admitted(id)).ParticipantLeft(left.ParticipantId.Value, RoomViews.Reason(left.Reason));
                    break;
                case ParticipantMuted muted when Connection(state, muted.ParticipantId) is { } connection:
                    await hub.Clients.Client(connection).Muted(muted.Hard);
                    break;
                case AskedToUnmute asked when Connection(state, asked.ParticipantId) is { } connection:
                    await hub.Clients.Client(connection).AskedToUnmute();
                    break;
                case VideoStoppedByModerator stopped when Connection(state, stopped.ParticipantId) is { } connection:
                    await hub.Clients.Client(connection).VideoStopped();
                    break;
                case ParticipantRemoved { ConnectionId: { } connection } removed:
                    await hub.Clients.Client(connection).Removed(removed.Banned);
                    await RemoveFromRoomGroupsAsync(connection, id, cancellationToken);
                    break;
                case ParticipantDenied { ConnectionId: { } connection }:
                    await hub.Clients.Client(connection).Denied();
                    await RemoveFromRoomGroupsAsync(connection, id, cancellationToken);
                    break;
                case ConnectionReplaced { CheckedInAtClinic: true } switched:
                    await hub.Clients.Client(switched.OldConnectionId).CheckedInAtClinic();
                    await RemoveFromRoomGroupsAsync(switched.OldConnectionId, id, cancellationToken);
                    break;
                case ConnectionReplaced replaced:
                    await hub.Clients.Client(replaced.OldConnectionId).Replaced();
                    await RemoveFromRoomGroupsAsync(replaced.OldConnectionId, id, cancellationToken);
                    break;
                case RoomEnded:
                    await hub.Clients.Group(RoomGroups.All(id)).SessionEnded();
                    break;
                default:
                    break;
            }
        }

        // Whole-room views are sent once per transition, however many events asked for them.
        foreach (var updated in events.OfType<ParticipantUpdated>().Select(e => e.ParticipantId).Distinct())
        {
            if (state.Find(updated) is { IsPresent: true } participant)
            {
                await hub.Clients.Group(RoomGroups.Admitted(id)).ParticipantUpdated(RoomViews.Participant(participant));
            }
        }

        if (events.Any(e => e is LobbyChanged))
        {
            await hub.Clients.Group(RoomGroups.Moderators(id)).LobbyChanged(RoomViews.Lobby(state));
        }

        if (events.Any(e => e is HandQueueChanged))
        {
            await hub.Clients.Group(RoomGroups.Admitted(id)).HandQueueChanged(RoomViews.HandQueue(state));
        }

        if (events.Any(e => e is RoomUpdated))
        {
            await hub.Clients.Group(RoomGroups.All(id)).RoomUpdated(RoomViews.Info(state));
        }
    }

    public async Task ChatAsync(RoomState state, ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(message);
        var dto = RoomViews.Chat(message);
        if (!message.Private)
        {
            await hub.Clients.Group(RoomGroups.Admitted(state.SessionId)).Chat(dto);
            return;
        }

        // Moderators see every private line; the sender and addressee get it directly unless they are moderators.
        await hub.Clients.Group(RoomGroups.Moderators(state.SessionId)).Chat(dto);
        var direct = new[] { message.From, message.To ?? message.From }
            .Distinct()
            .Select(state.Find)
            .Where(p => p is { IsPresent: true, ConnectionId: not null } && !p.Role.Moderates())
            .Select(p => p!.ConnectionId!)
            .ToList();
        if (direct.Count > 0)
        {
            await hub.Clients.Clients(direct).Chat(dto);
        }
    }

    public Task HelpAsync(RoomState state, HelpAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alert);
        return hub.Clients.Group(RoomGroups.Moderators(state.SessionId)).HelpRequested(new HelpRequestDto(
            alert.ParticipantId.Value, alert.DisplayName, alert.Message, alert.Attestation?.Location, alert.Attestation?.State,
            alert.EmergencyContact?.Name, alert.EmergencyContact?.Phone, alert.At));
    }

    /// <summary>
    /// Moves a connection into the room's groups, then sends it the room as it is after that: every later change reaches
    /// it as an event and every earlier one is in the snapshot (a change seen twice is harmless; clients apply by id).
    /// </summary>
    internal async Task<RoomSnapshotDto> SendSnapshotAfterGroupsAsync(string connection, RoomParticipant participant, SessionId id, CancellationToken cancellationToken)
    {
        await AddToRoomGroupsAsync(connection, participant, id, cancellationToken);
        var state = await rooms.GetAsync(id, cancellationToken) ?? throw new RoomException(RoomErrors.SessionNotFound, "No such session.");
        var self = state.Find(participant.Id) ?? participant;
        var chat = await rooms.ReadChatAsync(id, settings.ChatHistoryLimit, cancellationToken);
        var snapshot = RoomViews.Snapshot(state, self, chat, clock.GetUtcNow());
        await hub.Clients.Client(connection).RoomSnapshot(snapshot);
        return snapshot;
    }

    /// <summary>The groups a connection belongs to once it is in the room (not merely in the lobby).</summary>
    private Task AddToRoomGroupsAsync(string connection, RoomParticipant participant, SessionId id, CancellationToken cancellationToken) =>
        ChangeGroupsAsync(connection, participant.Role.Moderates() ? [RoomGroups.Admitted(id), RoomGroups.Moderators(id)] : [RoomGroups.Admitted(id)],
            add: true, cancellationToken);

    internal Task RemoveFromRoomGroupsAsync(string connection, SessionId id, CancellationToken cancellationToken) =>
        ChangeGroupsAsync(connection, [RoomGroups.All(id), RoomGroups.Admitted(id), RoomGroups.Moderators(id)], add: false, cancellationToken);

    /// <summary>All group changes of one connection at once, bounded by <see cref="GroupChangeTimeout"/>.</summary>
    private async Task ChangeGroupsAsync(string connection, string[] groups, bool add, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(GroupChangeTimeout);
        var changes = Task.WhenAll(groups.Select(group => add
            ? hub.Groups.AddToGroupAsync(connection, group, bounded.Token)
            : hub.Groups.RemoveFromGroupAsync(connection, group, bounded.Token)));
        try
        {
            await changes.WaitAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection's node did not answer in time: it died with its connections (the sweeper closes their presence).
            _ = changes.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            LogGroupChangeTimedOut(log, add ? "add" : "remove", GroupChangeTimeout.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning,
        Message = "Group {Change} for a connection of another node got no answer within {TimeoutMs} ms; its node is presumed dead")]
    private static partial void LogGroupChangeTimedOut(ILogger logger, string change, double timeoutMs);

    private static string? Connection(RoomState state, ParticipantId id) => state.Find(id)?.ConnectionId;
}
