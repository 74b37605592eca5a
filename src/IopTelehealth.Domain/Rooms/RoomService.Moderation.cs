namespace IopTelehealth.Domain.Rooms;

/// <summary>Moderator use cases; the room itself refuses them to anyone who does not moderate.</summary>
public sealed partial class RoomService
{
    public async Task OpenAsync(Ports.RoomCaller caller, SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var (session, member) = await AuthorizeAsync(caller, sessionId, cancellationToken);
        if (!member.Role.Moderates())
        {
            throw new RoomException(RoomErrors.Forbidden, "Only a therapist can open the session.");
        }

        var change = await rooms.ChangeAsync(sessionId, () => NewRoom(session), room =>
        {
            room.OpenBySchedule();
            return true;
        }, cancellationToken);
        await publisher.PublishAsync(change.State, change.Events, cancellationToken);
    }

    public Task AdmitAsync(RoomConnection connection, ParticipantId target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room =>
        {
            room.Admit(connection.ParticipantId, target, clock.GetUtcNow());
            _media?.Enforce(room);
        }, cancellationToken);

    public Task AdmitAllAsync(RoomConnection connection, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room =>
        {
            room.AdmitAll(connection.ParticipantId, clock.GetUtcNow());
            _media?.Enforce(room);
        }, cancellationToken);

    public Task DenyAsync(RoomConnection connection, ParticipantId target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.Deny(connection.ParticipantId, target), cancellationToken);

    public Task MuteAsync(RoomConnection connection, ParticipantId target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.Mute(connection.ParticipantId, target), cancellationToken);

    public Task MuteAllAsync(RoomConnection connection, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.MuteAll(connection.ParticipantId), cancellationToken);

    public Task AskToUnmuteAsync(RoomConnection connection, ParticipantId target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.AskToUnmute(connection.ParticipantId, target), cancellationToken);

    public Task StopVideoAsync(RoomConnection connection, ParticipantId target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.StopVideo(connection.ParticipantId, target), cancellationToken);

    public Task RemoveAsync(RoomConnection connection, ParticipantId target, bool banForSession, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.Remove(connection.ParticipantId, target, banForSession, clock.GetUtcNow()), cancellationToken);

    public Task SetLockedAsync(RoomConnection connection, bool locked, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.SetLocked(connection.ParticipantId, locked), cancellationToken);

    public Task SpotlightAsync(RoomConnection connection, ParticipantId? target, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.SetSpotlight(connection.ParticipantId, target), cancellationToken);

    public Task EndAsync(RoomConnection connection, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.End(connection.ParticipantId, clock.GetUtcNow()), cancellationToken);
}
