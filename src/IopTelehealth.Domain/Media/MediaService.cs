using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Media;

/// <summary>
/// The media use cases of a room: SFU publish/subscribe/trickle through <see cref="IMediaPlane"/>, or mesh signaling
/// relayed between two admitted participants of the same room; audio-only and screen share. Every call needs the
/// caller to be admitted in the room their connection joined, and every SDP and candidate is checked here, before
/// any media server or browser sees it. Mode: SFU when a media plane is registered, mesh otherwise.
/// </summary>
public sealed class MediaService(IRoomStore rooms, RoomPublisher publisher, IMediaNotifier notifier, MediaSettings settings, TimeProvider clock,
    IMediaPlane? plane = null)
{
    public MediaMode Mode => plane is null ? MediaMode.Mesh : MediaMode.Sfu;

    public MediaSetup SetupFor(ParticipantId participantId) => MediaSetup.For(Mode, settings, participantId, clock.GetUtcNow());

    public async Task<SessionDescription> PublishAsync(RoomConnection connection, SessionDescription? offer, CancellationToken cancellationToken = default)
    {
        var sfu = RequireSfu();
        SdpGuard.Check(offer, "offer");
        var (state, participant) = await RequireAdmittedAsync(connection, cancellationToken);
        await sfu.EnsureRoomAsync(state.SessionId, SfuCapacity(state), cancellationToken);
        var answer = await sfu.PublishAsync(state.SessionId, participant.Id, connection.ConnectionId, offer!, cancellationToken);

        // The room's rules win over what any server node's adapter remembers: re-applied on every (re)publish.
        var current = (await rooms.GetAsync(state.SessionId, cancellationToken))?.Find(participant.Id) ?? participant;
        await sfu.SetMutedAsync(state.SessionId, participant.Id, MediaKind.Audio, current.HardMuted, cancellationToken);
        await sfu.SetMutedAsync(state.SessionId, participant.Id, MediaKind.Video, current.VideoStopped || current.AudioOnly, cancellationToken);
        await notifier.FeedsChangedAsync(OthersOf(state, participant.Id), cancellationToken);
        return answer;
    }

    public async Task<SessionDescription?> SubscribeAsync(RoomConnection connection, CancellationToken cancellationToken = default)
    {
        var sfu = RequireSfu();
        var (state, participant) = await RequireAdmittedAsync(connection, cancellationToken);
        await sfu.EnsureRoomAsync(state.SessionId, SfuCapacity(state), cancellationToken);
        return await sfu.SubscribeAsync(state.SessionId, participant.Id, connection.ConnectionId, includeVideo: !participant.AudioOnly, cancellationToken);
    }

    public async Task AnswerSubscriptionAsync(RoomConnection connection, SessionDescription? answer, CancellationToken cancellationToken = default)
    {
        var sfu = RequireSfu();
        SdpGuard.Check(answer, "answer");
        var (state, participant) = await RequireAdmittedAsync(connection, cancellationToken);
        await sfu.AnswerSubscriptionAsync(state.SessionId, participant.Id, answer!, cancellationToken);
    }

    public async Task TrickleAsync(RoomConnection connection, MediaLeg leg, IceCandidate? candidate, CancellationToken cancellationToken = default)
    {
        var sfu = RequireSfu();
        CandidateGuard.Check(candidate, settings.AllowLoopbackCandidates);
        var (state, participant) = await RequireAdmittedAsync(connection, cancellationToken);
        await sfu.TrickleAsync(state.SessionId, participant.Id, leg, candidate!, cancellationToken);
    }

    /// <summary>
    /// Mesh: relays a checked signal to another admitted participant of the caller's room. Offers and answers are recorded
    /// in the room (on any server node) so an answer passes only to someone who sent an offer; candidates pass as they are.
    /// </summary>
    public async Task SendSignalAsync(RoomConnection connection, ParticipantId to, MeshSignal signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(signal);
        if (plane is not null)
        {
            throw new RoomException(RoomErrors.WrongMediaMode, "This server uses the media server (sfu): publish and subscribe instead.");
        }

        signal.Check(settings.AllowLoopbackCandidates);
        RoomParticipant target;
        if (signal.Kind == MeshSignalKind.Candidate)
        {
            var state = await RequireRoomAsync(connection.SessionId, cancellationToken);
            RequireHeldBy(state, connection);
            (_, target) = new Room(state).RequireMeshPair(connection.ParticipantId, to);
        }
        else
        {
            var change = await rooms.ChangeAsync(connection.SessionId, NoRoom, room =>
            {
                RequireHeldBy(room.State, connection);
                return signal.Kind == MeshSignalKind.Offer
                    ? room.RecordOffer(connection.ParticipantId, to)
                    : room.RecordAnswer(connection.ParticipantId, to);
            }, cancellationToken);
            target = change.Result;
        }

        await notifier.SignalAsync(target.ConnectionId!, connection.ParticipantId, signal, cancellationToken);
    }

    /// <summary>Audio-only on or off; in SFU mode the caller is told to subscribe again (their subscription drops or regains video).</summary>
    public async Task SetAudioOnlyAsync(RoomConnection connection, bool audioOnly, CancellationToken cancellationToken = default)
    {
        var state = await ChangeAsync(connection, room => room.SetAudioOnly(connection.ParticipantId, audioOnly, clock.GetUtcNow()), cancellationToken);
        if (plane is not null && state.Find(connection.ParticipantId) is { ConnectionId: { } self })
        {
            await notifier.FeedsChangedAsync([self], cancellationToken);
        }
    }

    public Task SetScreenShareAsync(RoomConnection connection, bool sharing, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.SetScreenShare(connection.ParticipantId, sharing), cancellationToken);

    public Task AllowScreenShareAsync(RoomConnection connection, ParticipantId target, bool allowed, CancellationToken cancellationToken = default) =>
        ChangeAsync(connection, room => room.AllowScreenShare(connection.ParticipantId, target, allowed), cancellationToken);

    /// <summary>The connections of everyone present in the room but <paramref name="except"/>.</summary>
    public static string[] OthersOf(RoomState state, ParticipantId except)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. state.Participants.Where(p => p.IsPresent && p.Id != except && p.ConnectionId is not null).Select(p => p.ConnectionId!)];
    }

    /// <summary>Publishers the SFU room admits: the group plus the staff seats.</summary>
    private static int SfuCapacity(RoomState state) => Math.Clamp(state.Capacity + Room.StaffSeats, 1, 100);

    private IMediaPlane RequireSfu() => plane
        ?? throw new RoomException(RoomErrors.WrongMediaMode, "This server has no media server (mesh): send signals to the other participants instead.");

    private async Task<(RoomState State, RoomParticipant Participant)> RequireAdmittedAsync(RoomConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var state = await RequireRoomAsync(connection.SessionId, cancellationToken);
        var participant = RequireHeldBy(state, connection);
        if (!participant.IsPresent)
        {
            throw new RoomException(RoomErrors.NotAdmitted, "Wait until the therapist admits you.");
        }

        return (state, participant);
    }

    private async Task<RoomState> RequireRoomAsync(SessionId sessionId, CancellationToken cancellationToken) =>
        await rooms.GetAsync(sessionId, cancellationToken) ?? throw new RoomException(RoomErrors.SessionNotFound, "No such session.");

    private static RoomParticipant RequireHeldBy(RoomState state, RoomConnection connection) =>
        state.Find(connection.ParticipantId) is { } participant && participant.ConnectionId == connection.ConnectionId
            ? participant
            : throw new RoomException(RoomErrors.NotJoined, "This connection is no longer in the session; join again.");

    private static RoomState NoRoom() => throw new RoomException(RoomErrors.SessionNotFound, "No such session.");

    private async Task<RoomState> ChangeAsync(RoomConnection connection, Action<Room> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var result = await rooms.ChangeAsync(connection.SessionId, NoRoom, room =>
        {
            RequireHeldBy(room.State, connection);
            change(room);
            return true;
        }, cancellationToken);
        await publisher.PublishAsync(result.State, result.Events, cancellationToken);
        return result.State;
    }
}
