using System.Collections.Concurrent;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>The handle → owner map of one server node, in memory (single node; Redis shares it between nodes).</summary>
public sealed class MediaHandleRegistry(TimeProvider time) : IMediaHandleDirectory
{
    private readonly ConcurrentDictionary<long, MediaHandleOwner> _owners = new();

    public MediaHandleRegistry() : this(TimeProvider.System) { }

    public void Add(long handleId, SessionId sessionId, ParticipantId participantId, MediaLeg leg) =>
        _owners[handleId] = new MediaHandleOwner(sessionId, participantId, leg);

    public Task AddAsync(long handleId, MediaHandleOwner owner, CancellationToken cancellationToken = default)
    {
        _owners[handleId] = owner;
        return Task.CompletedTask;
    }

    public Task RetireAsync(long handleId, CancellationToken cancellationToken = default)
    {
        _ = Task.Delay(IMediaHandleDirectory.RetireAfter, time, CancellationToken.None)
            .ContinueWith(_ => _owners.TryRemove(handleId, out var _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(long handleId, CancellationToken cancellationToken = default)
    {
        _owners.TryRemove(handleId, out _);
        return Task.CompletedTask;
    }

    public Task<MediaHandleOwner?> FindAsync(long handleId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_owners.TryGetValue(handleId, out var owner) ? owner : null);
}
