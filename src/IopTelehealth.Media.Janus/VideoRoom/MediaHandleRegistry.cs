using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>Whose handle is it: maps Janus handle ids to the participant and leg, for the event handler endpoint.</summary>
public sealed class MediaHandleRegistry
{
    /// <summary>Janus posts a closed handle's last events (hangup, detached) shortly after the fact: keep the owner that long.</summary>
    public static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, MediaHandleOwner> _owners = new();

    public void Add(long handleId, SessionId sessionId, ParticipantId participantId, MediaLeg leg) =>
        _owners[handleId] = new MediaHandleOwner(sessionId, participantId, leg);

    public void Remove(long handleId) => _owners.TryRemove(handleId, out _);

    /// <summary>The handle is being closed: its owner stays known for <see cref="RetireAfter"/>, so its hangup is still reported.</summary>
    public void Retire(long handleId) =>
        _ = Task.Delay(RetireAfter).ContinueWith(_ => Remove(handleId), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    public MediaHandleOwner? Find(long handleId) => _owners.TryGetValue(handleId, out var owner) ? owner : null;
}

public sealed record MediaHandleOwner(SessionId SessionId, ParticipantId ParticipantId, MediaLeg Leg);
