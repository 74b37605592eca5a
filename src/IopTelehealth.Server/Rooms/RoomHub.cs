using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using IopTelehealth.Server.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IopTelehealth.Server.Rooms;

/// <summary>
/// The room protocol's hub: authorize, validate, call <see cref="RoomService"/>, return. It holds no room state; the
/// connection's joined room lives in <c>Context.Items</c> of this node only. Refusals become "code: text" hub errors
/// in <see cref="RoomHubFilter"/>.
/// </summary>
[Authorize(Policy = RoomHubSetup.Policy)]
internal sealed class RoomHub(RoomService rooms, MediaService media, SignalRRoomNotifier notifier, NodeIdentity node) : Hub<IRoomClient>, IRoomHub
{
    private const string JoinedKey = "iop.room";

    private RoomCaller Caller => RoomCallers.From(Context.User) ?? throw new RoomException(RoomErrors.Forbidden, "Sign in again.");

    private RoomConnection Joined => Context.Items.TryGetValue(JoinedKey, out var value) && value is RoomConnection joined
        ? joined
        : throw new RoomException(RoomErrors.NotJoined, "Join a session first.");

    public async Task<PreJoinDto> PrepareJoin(Guid sessionId)
    {
        var prepared = await rooms.PrepareJoinAsync(Caller, RequireSession(sessionId));
        var session = prepared.Session;
        return new PreJoinDto(session.Id.Value, session.GroupName, session.Topic, session.ScheduledStart, session.ScheduledEnd,
            RoomViews.Phase(prepared.Phase), RoomViews.Role(prepared.Member.Role), prepared.Member.DisplayName,
            prepared.Member.Role == ParticipantRole.Patient,
            prepared.ConsentRequired ? session.ConsentVersion : null, prepared.ConsentRequired ? session.ConsentText : null);
    }

    public async Task<JoinReplyDto> JoinSession(Guid sessionId, AttestationDto? attestation)
    {
        var id = RequireSession(sessionId);
        if (Context.Items.TryGetValue(JoinedKey, out var previous) && previous is RoomConnection old)
        {
            await rooms.LeaveAsync(old);
            await notifier.RemoveFromRoomGroupsAsync(Context.ConnectionId, old.SessionId, Context.ConnectionAborted);
            Context.Items.Remove(JoinedKey);
        }

        // In the room-wide group before the join, so the phase and end events of this very join reach the caller.
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.All(id));
        JoinOutcome outcome;
        try
        {
            var domainAttestation = attestation is null ? null
                : new Attestation(attestation.Location ?? "", attestation.State ?? "", attestation.PrivateSpace, attestation.AcceptedConsentVersion);
            outcome = await rooms.JoinAsync(Caller, id, domainAttestation, Context.ConnectionId, node.Id);
        }
        catch
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomGroups.All(id));
            throw;
        }

        Context.Items[JoinedKey] = outcome.Connection;
        var participant = outcome.Result.Participant;
        if (participant.Admission == Admission.Admitted)
        {
            await notifier.SendSnapshotAfterGroupsAsync(Context.ConnectionId, participant, id, Context.ConnectionAborted);
        }

        return new JoinReplyDto(RoomProtocol.Version, participant.Id.Value, RoomViews.Admission(participant.Admission), outcome.Result.Resumed,
            RoomViews.Info(outcome.State), MediaViews.Setup(media.SetupFor(participant.Id)));
    }

    public async Task LeaveSession()
    {
        var joined = Joined;
        await rooms.LeaveAsync(joined);
        await notifier.RemoveFromRoomGroupsAsync(Context.ConnectionId, joined.SessionId, Context.ConnectionAborted);
        Context.Items.Remove(JoinedKey);
    }

    public Task Heartbeat() => rooms.HeartbeatAsync(Joined);

    public Task SetMedia(bool audio, bool video) => rooms.SetMediaAsync(Joined, audio, video);

    public Task RaiseHand() => rooms.RaiseHandAsync(Joined);

    public Task LowerHand() => rooms.LowerHandAsync(Joined, Joined.ParticipantId);

    public Task SendChat(string text, string? toParticipantId) =>
        rooms.SendChatAsync(Joined, text, toParticipantId is null ? null : ParticipantArg(toParticipantId));

    public Task RequestHelp(string message) => rooms.RequestHelpAsync(Joined, message);

    public Task OpenSession(Guid sessionId) => rooms.OpenAsync(Caller, RequireSession(sessionId));

    public Task Admit(string participantId) => rooms.AdmitAsync(Joined, ParticipantArg(participantId));

    public Task AdmitAll() => rooms.AdmitAllAsync(Joined);

    public Task Deny(string participantId) => rooms.DenyAsync(Joined, ParticipantArg(participantId));

    public Task Mute(string participantId) => rooms.MuteAsync(Joined, ParticipantArg(participantId));

    public Task AskToUnmute(string participantId) => rooms.AskToUnmuteAsync(Joined, ParticipantArg(participantId));

    public Task MuteAll() => rooms.MuteAllAsync(Joined);

    public Task StopVideo(string participantId) => rooms.StopVideoAsync(Joined, ParticipantArg(participantId));

    public Task LowerHandOf(string participantId) => rooms.LowerHandAsync(Joined, ParticipantArg(participantId));

    public Task Remove(string participantId, bool banForSession) => rooms.RemoveAsync(Joined, ParticipantArg(participantId), banForSession);

    public Task Lock() => rooms.SetLockedAsync(Joined, locked: true);

    public Task Unlock() => rooms.SetLockedAsync(Joined, locked: false);

    public Task Spotlight(string? participantId) => rooms.SpotlightAsync(Joined, participantId is null ? null : ParticipantArg(participantId));

    public Task EndSession() => rooms.EndAsync(Joined);

    public async Task<SdpDto> Publish(SdpDto offer) => MediaViews.Sdp(await media.PublishAsync(Joined, MediaViews.Description(offer)));

    public async Task<SdpDto?> Subscribe() => await media.SubscribeAsync(Joined) is { } offer ? MediaViews.Sdp(offer) : null;

    public Task AnswerSubscription(SdpDto answer) => media.AnswerSubscriptionAsync(Joined, MediaViews.Description(answer));

    public Task Trickle(string leg, IceCandidateDto candidate) => media.TrickleAsync(Joined, MediaViews.Leg(leg), MediaViews.Candidate(candidate));

    public Task SendSignal(string toParticipantId, MeshSignalDto signal) =>
        media.SendSignalAsync(Joined, ParticipantArg(toParticipantId), MediaViews.Signal(signal));

    public Task SetAudioOnly(bool audioOnly) => media.SetAudioOnlyAsync(Joined, audioOnly);

    public Task SetScreenShare(bool sharing) => media.SetScreenShareAsync(Joined, sharing);

    public Task AllowScreenShare(string participantId, bool allowed) => media.AllowScreenShareAsync(Joined, ParticipantArg(participantId), allowed);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(JoinedKey, out var value) && value is RoomConnection joined)
        {
            await rooms.DisconnectedAsync(joined);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private static SessionId RequireSession(Guid sessionId) =>
        sessionId == Guid.Empty ? throw new RoomException(RoomErrors.InvalidArgument, "sessionId is required.") : new SessionId(sessionId);

    /// <summary>Participant ids are 12 lower-case hex characters; anything else is refused before it reaches a store.</summary>
    private static ParticipantId ParticipantArg(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiHexDigitLower)
            ? new ParticipantId(value)
            : throw new RoomException(RoomErrors.InvalidArgument, "participantId must be a participant id from the room snapshot.");
}
