using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// The room use cases: resolve who may enter, run one transition through the store, record presence, tell the
/// participants and the durable listeners. Transport-free: the hub calls it, tests call it directly.
/// </summary>
public sealed partial class RoomService(IRoomStore rooms, IPresenceStore presence, RoomPublisher publisher, ISessionDirectory sessions,
    IAuditLog audit, TimeProvider clock, RoomSettings settings, Media.MediaPolicy? media = null)
{
    // Null in tests of the room rules alone: no mesh limit applies.
    private readonly Media.MediaPolicy? _media = media;

    public async Task<PreJoin> PrepareJoinAsync(RoomCaller caller, SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var (session, member) = await AuthorizeAsync(caller, sessionId, cancellationToken);
        var state = await rooms.GetAsync(sessionId, cancellationToken);
        var phase = state?.Phase ?? (clock.GetUtcNow() >= session.ScheduledStart - settings.AutoOpenLead ? RoomPhase.Open : RoomPhase.Scheduled);
        return new PreJoin(session, member, phase, ConsentRequired(session, member));
    }

    public async Task<JoinOutcome> JoinAsync(RoomCaller caller, SessionId sessionId, Attestation? attestation, string connectionId, string nodeId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (session, member) = await AuthorizeAsync(caller, sessionId, cancellationToken);
        var now = clock.GetUtcNow();
        if (member.Role == ParticipantRole.Patient && ConsentRequired(session, member) && attestation?.AcceptedConsentVersion != session.ConsentVersion)
        {
            throw new RoomException(RoomErrors.ConsentRequired, "Please read and accept the clinic's telehealth consent first.");
        }

        var request = new JoinRequest(caller.UserId, member.Role, member.DisplayName, connectionId, nodeId, attestation);
        var change = await rooms.ChangeAsync(sessionId, () => NewRoom(session), room =>
        {
            OpenIfDue(room, now);
            var joined = room.Join(request, now, settings.GraceWindow);
            // Refused as a whole (nothing stored) when entering would pass the mesh limit; the lobby is not media.
            _media?.Enforce(room);
            return joined;
        }, cancellationToken);

        var participant = change.Result.Participant;
        if (member.Role == ParticipantRole.Patient && ConsentRequired(session, member))
        {
            await sessions.RecordConsentAsync(session, caller.UserId, session.ConsentVersion, now, cancellationToken);
        }

        await presence.RegisterAsync(new PresenceEntry(connectionId, nodeId, sessionId, participant.Id, caller.UserId, now), cancellationToken);
        await publisher.PublishAsync(change.State, change.Events, cancellationToken);
        // No chat here: an admitted participant gets the history in its snapshot, read once after it joined the groups.
        return new JoinOutcome(new RoomConnection(sessionId, participant.Id, connectionId, caller), change.Result, change.State);
    }

    public async Task LeaveAsync(RoomConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var now = clock.GetUtcNow();
        await presence.RemoveAsync(connection.ConnectionId, cancellationToken);
        await ChangeAsync(connection.SessionId, room =>
        {
            // A connection that was replaced or already dropped has nothing left to leave.
            if (room.State.Find(connection.ParticipantId)?.ConnectionId == connection.ConnectionId)
            {
                room.Leave(connection.ParticipantId, now);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>The transport lost the connection without a goodbye: keep the participant's place for the grace window.</summary>
    public async Task DisconnectedAsync(RoomConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var entry = await presence.GetAsync(connection.ConnectionId, cancellationToken);
        await presence.RemoveAsync(connection.ConnectionId, cancellationToken);
        var at = entry?.LastSeen ?? clock.GetUtcNow();
        await ChangeAsync(connection.SessionId, room => room.Disconnect(connection.ConnectionId, LeaveReason.Dropped, at), cancellationToken);
    }

    public Task HeartbeatAsync(RoomConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return presence.HeartbeatAsync(connection.ConnectionId, clock.GetUtcNow(), cancellationToken);
    }

    public Task SetMediaAsync(RoomConnection connection, bool audio, bool video, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.SetMedia(connection.ParticipantId, audio, video), cancellationToken);

    public Task RaiseHandAsync(RoomConnection connection, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.RaiseHand(connection.ParticipantId), cancellationToken);

    public Task LowerHandAsync(RoomConnection connection, ParticipantId target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.LowerHand(connection.ParticipantId, target), cancellationToken);

    public async Task SendChatAsync(RoomConnection connection, string? text, ParticipantId? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var state = await RequireRoomAsync(connection.SessionId, cancellationToken);
        RequireHeldBy(state, connection);
        var message = ChatPolicy.Compose(state, connection.ParticipantId, text, to, clock.GetUtcNow());
        await rooms.AppendChatAsync(connection.SessionId, message, cancellationToken);
        await publisher.Notifier.ChatAsync(state, message, cancellationToken);
    }

    public async Task RequestHelpAsync(RoomConnection connection, string? message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var text = message?.Trim() ?? "";
        if (text.Length > 500)
        {
            throw new RoomException(RoomErrors.InvalidArgument, "A help request has at most 500 characters.");
        }

        var state = await RequireRoomAsync(connection.SessionId, cancellationToken);
        var participant = RequireHeldBy(state, connection);

        var (_, member) = await AuthorizeAsync(connection.Caller, connection.SessionId, cancellationToken);
        var alert = new HelpAlert(participant.Id, participant.DisplayName, text.Length == 0 ? "Needs help" : text, participant.Attestation,
            member.EmergencyContact, clock.GetUtcNow());
        await publisher.Notifier.HelpAsync(state, alert, cancellationToken);
    }

    private static bool ConsentRequired(SessionFacts session, RoomMember member) =>
        member.Role == ParticipantRole.Patient && member.AcceptedConsentVersion != session.ConsentVersion;

    private async Task<(SessionFacts Session, RoomMember Member)> AuthorizeAsync(RoomCaller caller, SessionId sessionId, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionId, cancellationToken);
        if (session is null || session.Cancelled || session.ClinicId != caller.ClinicId)
        {
            if (session is not null && session.ClinicId != caller.ClinicId)
            {
                await AuditDeniedAsync(caller, AuditActions.CrossClinicAccess, sessionId, cancellationToken);
            }

            throw new RoomException(RoomErrors.SessionNotFound, "No such session.");
        }

        var member = await sessions.ResolveMemberAsync(session, caller, cancellationToken);
        if (member is null)
        {
            await AuditDeniedAsync(caller, AuditActions.Forbidden, sessionId, cancellationToken);
            throw new RoomException(RoomErrors.NotEnrolled, "You are not enrolled in this group.");
        }

        return (session, member);
    }

    private Task AuditDeniedAsync(RoomCaller caller, string action, SessionId sessionId, CancellationToken cancellationToken) =>
        audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), action, AuditOutcome.Denied, caller.UserId, caller.ClinicId, null, "session", sessionId.ToString()), cancellationToken);

    private static RoomState NewRoom(SessionFacts session) =>
        Room.Create(session.Id, session.ClinicId, session.GroupId, session.Capacity, session.ScheduledStart, session.ScheduledEnd);

    private void OpenIfDue(Room room, DateTimeOffset now)
    {
        if (room.State.Phase == RoomPhase.Scheduled && now >= room.State.ScheduledStart - settings.AutoOpenLead)
        {
            room.OpenBySchedule();
        }
    }

    private async Task<RoomState> RequireRoomAsync(SessionId sessionId, CancellationToken cancellationToken) =>
        await rooms.GetAsync(sessionId, cancellationToken) ?? throw new RoomException(RoomErrors.SessionNotFound, "No such session.");

    private Task<bool> ChangeAsync(RoomConnection connection, Action<Room> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return ChangeAsync(connection.SessionId, room =>
        {
            RequireHeldBy(room.State, connection);
            change(room);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// The participant this connection joined as, while the connection still holds their place. Once a second connection of
    /// the same account took over (or the participant was removed or denied), the old connection speaks for nobody.
    /// </summary>
    private static RoomParticipant RequireHeldBy(RoomState state, RoomConnection connection) =>
        state.Find(connection.ParticipantId) is { } participant && participant.ConnectionId == connection.ConnectionId
            ? participant
            : throw new RoomException(RoomErrors.NotJoined, "This connection is no longer in the session; join again.");

    private async Task<T> ChangeAsync<T>(SessionId sessionId, Func<Room, T> change, CancellationToken cancellationToken)
    {
        var result = await rooms.ChangeAsync(sessionId, () => throw new RoomException(RoomErrors.SessionNotFound, "No such session."), change, cancellationToken);
        await publisher.PublishAsync(result.State, result.Events, cancellationToken);
        return result.Result;
    }
}
