using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Domain.Tests.Rooms;

/// <summary>Records what the media use cases pushed to connections.</summary>
internal sealed class RecordingMediaNotifier : IMediaNotifier
{
    public ConcurrentQueue<(string Connection, ParticipantId From, MeshSignal Signal)> Signals { get; } = new();

    public ConcurrentQueue<string> FeedsChanged { get; } = new();

    public ConcurrentQueue<string> Restarts { get; } = new();

    public Task SignalAsync(string connectionId, ParticipantId from, MeshSignal signal, CancellationToken cancellationToken = default)
    {
        Signals.Enqueue((connectionId, from, signal));
        return Task.CompletedTask;
    }

    public Task FeedsChangedAsync(IReadOnlyList<string> connectionIds, CancellationToken cancellationToken = default)
    {
        foreach (var connection in connectionIds)
        {
            FeedsChanged.Enqueue(connection);
        }

        return Task.CompletedTask;
    }

    public Task MediaRestartAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        Restarts.Enqueue(connectionId);
        return Task.CompletedTask;
    }
}

/// <summary>A media plane that records every call in order; <see cref="Failing"/> makes each call fail as an unreachable SFU would.</summary>
internal sealed class RecordingMediaPlane : IMediaPlane
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public bool Failing { get; set; }

    public Task<MediaPlacement> EnsureRoomAsync(SessionId sessionId, int capacity, CancellationToken cancellationToken = default) =>
        Record($"ensure {capacity}", new MediaPlacement(sessionId, "fake", 1));

    public Task<SessionDescription> PublishAsync(SessionId sessionId, ParticipantId participantId, string owner, SessionDescription offer, CancellationToken cancellationToken = default) =>
        Record($"publish {participantId} by {owner}", new SessionDescription("answer", "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"));

    public Task<SessionDescription?> SubscribeAsync(SessionId sessionId, ParticipantId participantId, string owner, bool includeVideo, CancellationToken cancellationToken = default) =>
        Record<SessionDescription?>($"subscribe {participantId} by {owner} video={includeVideo}", null);

    public Task AnswerSubscriptionAsync(SessionId sessionId, ParticipantId participantId, SessionDescription answer, CancellationToken cancellationToken = default) =>
        Record($"answer {participantId}", true);

    public Task TrickleAsync(SessionId sessionId, ParticipantId participantId, MediaLeg leg, IceCandidate candidate, CancellationToken cancellationToken = default) =>
        Record($"trickle {participantId} {leg}", true);

    public Task SetMutedAsync(SessionId sessionId, ParticipantId participantId, MediaKind kind, bool muted, CancellationToken cancellationToken = default) =>
        Record($"{(muted ? "mute" : "unmute")} {participantId} {kind}", true);

    public Task RemoveParticipantAsync(SessionId sessionId, ParticipantId participantId, CancellationToken cancellationToken = default) =>
        Record($"remove {participantId}", true);

    public Task CloseRoomAsync(SessionId sessionId, CancellationToken cancellationToken = default) => Record("close", true);

    private Task<T> Record<T>(string call, T result)
    {
        if (Failing)
        {
            return Task.FromException<T>(new RoomException(RoomErrors.MediaUnavailable, "The media server is unavailable; try again."));
        }

        Calls.Enqueue(call);
        return Task.FromResult(result);
    }
}
