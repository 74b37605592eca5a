using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>Whose handle is it: maps Janus handle ids to the participant and leg, for the event handler endpoint.</summary>
public sealed class MediaHandleRegistry
{
    private readonly ConcurrentDictionary<long, MediaHandleOwner> _owners = new();

    public void Add(long handleId, SessionId sessionId, ParticipantId participantId, MediaLeg leg) =>
        _owners[handleId] = new MediaHandleOwner(sessionId, participantId, leg);

    public void Remove(long handleId) => _owners.TryRemove(handleId, out _);

    public MediaHandleOwner? Find(long handleId) => _owners.TryGetValue(handleId, out var owner) ? owner : null;
}

public sealed record MediaHandleOwner(SessionId SessionId, ParticipantId ParticipantId, MediaLeg Leg);
