using System.Collections.Concurrent;
using System.Security.Cryptography;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Media.Janus.Gateway;
using IopTelehealth.Media.Janus.Options;
using Microsoft.Extensions.Logging;

namespace IopTelehealth.Media.Janus.VideoRoom;

/// <summary>
/// <see cref="IMediaPlane"/> on Janus VideoRoom, over injectable gateways (<see cref="IJanusNodes"/>). One private room
/// per session on the least-loaded node (recorded in <see cref="IMediaRoomDirectory"/> so every server node uses it),
/// one publisher handle and one multistream subscriber handle per participant. This server holds every handle and
/// secret; callers only pass SDP and ICE. Room lifecycle here; publishing, subscribing and recovery in the partial files.
/// </summary>
public sealed partial class JanusVideoRoomMediaPlane : IMediaPlane, IAsyncDisposable
{
    private readonly IJanusNodes _nodes;
    private readonly IMediaRoomDirectory _directory;
    private readonly IReadOnlyList<IMediaEventListener> _listeners;
    private readonly IMediaHandleDirectory _handles;
    private readonly JanusMediaOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SessionId, MediaRoomState> _rooms = new();
    private readonly VideoRoomAdmin _admin = new();
    private readonly SemaphoreSlim _placementLock = new(1, 1);

    public JanusVideoRoomMediaPlane(
        IJanusNodes nodes,
        IMediaRoomDirectory directory,
        IEnumerable<IMediaEventListener> listeners,
        IMediaHandleDirectory handles,
        JanusMediaOptions options,
        TimeProvider time,
        ILogger<JanusVideoRoomMediaPlane> logger)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(listeners);
        _nodes = nodes;
        _directory = directory;
        _listeners = [.. listeners];
        _handles = handles;
        _options = options;
        _time = time;
        _logger = logger;
        foreach (var node in nodes.All)
        {
            node.Gateway.SessionRecreated += OnSessionRecreated;
        }
    }

    public async Task<MediaPlacement> EnsureRoomAsync(SessionId sessionId, int capacity, CancellationToken cancellationToken = default)
    {
        if (capacity is < 1 or > 100)
        {
            throw new RoomException(RoomErrors.InvalidArgument, "The room capacity must be between 1 and 100.");
        }

        if (await FindRoomAsync(sessionId, cancellationToken) is { } known)
        {
            return known.Placement;
        }

        // One placement at a time on this server node; other nodes are settled by the directory's GetOrAdd.
        await _placementLock.WaitAsync(cancellationToken);
        try
        {
            if (await FindRoomAsync(sessionId, cancellationToken) is { } raced)
            {
                return raced.Placement;
            }

            var node = await LeastLoadedNodeAsync(cancellationToken);
            var created = await CreateRoomAsync(node, capacity, cancellationToken);
            var winner = await _directory.GetOrAddAsync(sessionId, created, cancellationToken);
            if (winner != created)
            {
                // Another server node placed the session first: ours goes, theirs is used.
                await TryAsync(() => _admin.RequestAsync(node, VideoRoomRequests.Destroy(created), cancellationToken));
            }

            var state = Track(sessionId, winner);
            VideoRoomLog.RoomPlaced(_logger, sessionId, state.Node.Name, winner.RoomNumber);
            return state.Placement;
        }
        finally
        {
            _placementLock.Release();
        }
    }

    public async Task CloseRoomAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var room = await FindRoomAsync(sessionId, cancellationToken);
        if (room is null)
        {
            return;
        }

        await Janus(async () =>
        {
            try
            {
                await _admin.RequestAsync(room.Node, VideoRoomRequests.Destroy(room.Record), cancellationToken);
            }
            catch (JanusException e) when (e.Code == JanusErrorCodes.VideoRoomNoSuchRoom)
            {
                // Already gone (a restarted node): ending the session must still succeed.
            }
        });
        foreach (var participant in room.Participants.Values)
        {
            await DetachAllAsync(participant);
        }

        _rooms.TryRemove(sessionId, out _);
        await _directory.RemoveAsync(sessionId, cancellationToken);
        VideoRoomLog.RoomClosed(_logger, sessionId);
    }

    /// <summary>
    /// Another server node removed the participant (kicked at Janus there): drops the handles this node still holds for
    /// them, above all their subscriber connection, which Janus would otherwise keep feeding the group to them.
    /// </summary>
    public async Task ReleaseLocalAsync(SessionId sessionId, ParticipantId participantId)
    {
        if (_rooms.TryGetValue(sessionId, out var room) && room.Participants.TryRemove(participantId, out var participant))
        {
            await DetachAllAsync(participant);
        }
    }

    /// <summary>Whether this server node holds any handle of the participant (tests of several nodes).</summary>
    internal bool HoldsHandlesOf(SessionId sessionId, ParticipantId participantId) =>
        _rooms.TryGetValue(sessionId, out var room) && room.Participants.TryGetValue(participantId, out var participant)
            && (participant.Publisher is { IsAlive: true } || participant.Subscriber is { IsAlive: true });

    /// <summary>The Janus session and the ids of the handles this server node holds for a participant (tests look them up at Janus).</summary>
    internal (long JanusSession, long? Publisher, long? Subscriber) HandlesOf(SessionId sessionId, ParticipantId participantId) =>
        _rooms.TryGetValue(sessionId, out var room) && room.Participants.TryGetValue(participantId, out var participant)
            ? ((room.Node.Gateway as JanusGateway)?.SessionId ?? 0, participant.Publisher?.Id, participant.Subscriber?.Id)
            : (0, null, null);

    /// <summary>Another server node destroyed the session's room: this node forgets it and closes what it still holds.</summary>
    public async Task ForgetRoomLocalAsync(SessionId sessionId)
    {
        if (_rooms.TryRemove(sessionId, out var room))
        {
            foreach (var participant in room.Participants.Values)
            {
                await DetachAllAsync(participant);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.All)
        {
            node.Gateway.SessionRecreated -= OnSessionRecreated;
        }

        await _admin.DisposeAsync();
        _placementLock.Dispose();
    }

    /// <summary>This node's state for the session, loading the directory's record when another node placed the room.</summary>
    private async Task<MediaRoomState?> FindRoomAsync(SessionId sessionId, CancellationToken cancellationToken)
    {
        if (_rooms.TryGetValue(sessionId, out var state))
        {
            return state;
        }

        var record = await _directory.GetAsync(sessionId, cancellationToken);
        return record is null ? null : Track(sessionId, record);
    }

    private async Task<MediaRoomState> RoomAsync(SessionId sessionId, CancellationToken cancellationToken) =>
        await FindRoomAsync(sessionId, cancellationToken)
            ?? throw new RoomException(RoomErrors.RoomNotOpen, "The session has no media room yet.");

    private MediaRoomState Track(SessionId sessionId, MediaRoomRecord record)
    {
        var node = _nodes.Find(record.Node)
            ?? throw new RoomException(RoomErrors.MediaUnavailable, "The session's media node is no longer configured.");
        return _rooms.GetOrAdd(sessionId, id => new MediaRoomState(id, record, node));
    }

    /// <summary>The reachable node with the fewest rooms plus participants, as Janus itself reports them (admin_key lists private rooms).</summary>
    private async Task<JanusNode> LeastLoadedNodeAsync(CancellationToken cancellationToken)
    {
        JanusNode? best = null;
        var bestLoad = long.MaxValue;
        foreach (var node in _nodes.All)
        {
            try
            {
                var reply = await _admin.RequestAsync(node, VideoRoomRequests.List(node.Options.AdminKey), cancellationToken);
                var rooms = reply.Data["list"]?.AsArray() ?? [];
                long load = rooms.Count + rooms.Sum(room => room?["num_participants"]?.GetValue<long>() ?? 0);
                if (load < bestLoad)
                {
                    (best, bestLoad) = (node, load);
                }
            }
            catch (JanusException e)
            {
                VideoRoomLog.NodeSkipped(_logger, node.Name, e.Level, e.Code);
            }
        }

        return best ?? throw new RoomException(RoomErrors.MediaUnavailable, "No media server is reachable.");
    }

    private async Task<MediaRoomRecord> CreateRoomAsync(JanusNode node, int capacity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = new MediaRoomRecord(node.Name, RandomRoomNumber(), Secret(), Secret(), capacity);
            try
            {
                await _admin.RequestAsync(node, VideoRoomRequests.Create(record, node.Options.AdminKey, _options.PublisherBitrate), cancellationToken);
                return record;
            }
            catch (JanusException e) when (e.Code == JanusErrorCodes.VideoRoomRoomExists && attempt < 3)
            {
                // A random id that is taken: draw another.
            }
            catch (JanusException e)
            {
                throw Refused(e);
            }
        }
    }

    private static long RandomRoomNumber() => (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & ((1L << 52) - 1)) | (1L << 40);

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();

    private async Task RaiseAsync(SessionId sessionId, ParticipantId participantId, MediaEventKind kind, MediaLeg leg)
    {
        var mediaEvent = new MediaEvent(sessionId, participantId, kind, leg, _time.GetUtcNow());
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.OnMediaEventAsync(mediaEvent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                VideoRoomLog.ListenerFailed(_logger, e.GetType().Name);
            }
        }
    }
}
