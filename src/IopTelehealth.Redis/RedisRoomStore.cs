using System.Text.Json;
using IopTelehealth.Domain.Rooms;
using IopTelehealth.Domain.Rooms.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace IopTelehealth.Redis;

/// <summary>
/// Room state shared by every server node through one Redis. <see cref="ChangeAsync{T}"/> is optimistic: read the
/// room, run the transition on the deserialised copy, and write it back with a compare-and-set on the store's
/// revision (<see cref="RoomScripts.CompareAndSet"/>). When another node won the race, the room is read again and the
/// transition re-run, so a <c>change</c> delegate may run more than once and must only touch the <see cref="Room"/>.
/// </summary>
/// <remarks>
/// Writers on this node are queued per room (striped semaphores) before they reach Redis, so compare-and-set only
/// races between nodes: 25 local mutes of one room cost 25 writes, not a storm of retries.
/// Each room key (and its chat) expires <see cref="RedisRoomsOptions.Retention"/> after the scheduled end, or after
/// the last change when that is later, so Redis does not grow with every session ever held.
/// </remarks>
public sealed class RedisRoomStore : IRoomStore
{
    /// <summary>Chat lines kept per session; older lines are dropped.</summary>
    public const int ChatLimit = 500;

    private static readonly RedisValue RevisionField = "rev";
    private static readonly RedisValue StateField = "state";
    private static readonly RedisValue[] RoomFields = [RevisionField, StateField];

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly RedisRoomsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim[] _localGates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public RedisRoomStore(IConnectionMultiplexer redis, RedisRoomsOptions options, TimeProvider clock, ILogger<RedisRoomStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _db = redis.GetDatabase(options.Database);
        _keys = new RedisKeys(options.KeyPrefix);
        _options = options;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? NullLogger<RedisRoomStore>.Instance;
    }

    public async Task<RoomState?> GetAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var json = await _db.HashGetAsync(_keys.Room(sessionId), StateField);
        return json.IsNull ? null : Deserialize(json);
    }

    public async Task<RoomChange<T>> ChangeAsync<T>(SessionId sessionId, Func<RoomState> create, Func<Room, T> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(change);
        var gate = _localGates[(int)((uint)sessionId.Value.GetHashCode() % (uint)_localGates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var outcome = await TryChangeAsync(sessionId, create, change);
                if (outcome is not null)
                {
                    return outcome;
                }

                if (attempt >= _options.MaxChangeAttempts)
                {
                    RedisLog.ChangeGaveUp(_logger, sessionId, attempt);
                    throw new RoomException(RoomErrors.Conflict, "The room is changing too fast right now. Please try again.");
                }

                RedisLog.ChangeRetried(_logger, sessionId, attempt);
                // Jittered, growing pause so nodes that keep colliding drift apart instead of colliding in lockstep.
                await Task.Delay(Random.Shared.Next(0, Math.Min(1 << attempt, 50)), cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    // Rooms that expired without ending (nobody ended them) are pruned here; their keys are already gone.
    public Task<IReadOnlyList<SessionId>> ListActiveAsync(CancellationToken cancellationToken = default) => ListUnexpiredAsync(_keys.ActiveRooms);

    // A room that expired with facts still staged (a ledger down for the whole retention span) has nothing left to give.
    public Task<IReadOnlyList<SessionId>> ListPendingAttendanceAsync(CancellationToken cancellationToken = default) =>
        ListUnexpiredAsync(_keys.PendingAttendanceRooms);

    public async Task AppendChatAsync(SessionId sessionId, ChatMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = JsonSerializer.SerializeToUtf8Bytes(message, RoomJson.ChatMessage);
        await _db.ScriptEvaluateAsync(
            RoomScripts.AppendChat,
            [_keys.Chat(sessionId), _keys.Room(sessionId)],
            [json, ChatLimit, (long)_options.Retention.TotalMilliseconds]);
    }

    public async Task<IReadOnlyList<ChatMessage>> ReadChatAsync(SessionId sessionId, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        var lines = await _db.ListRangeAsync(_keys.Chat(sessionId), -Math.Min(limit, ChatLimit), -1);
        return [.. lines.Select(line => JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)line).Span, RoomJson.ChatMessage)!)];
    }

    /// <summary>The members of a room index (sorted set scored by the room key's expiry) whose room has not expired; drops the others.</summary>
    private async Task<IReadOnlyList<SessionId>> ListUnexpiredAsync(RedisKey index)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _db.SortedSetRemoveRangeByScoreAsync(index, double.NegativeInfinity, now);
        var members = await _db.SortedSetRangeByScoreAsync(index, now, double.PositiveInfinity, Exclude.Start);
        return [.. members.Select(m => new SessionId(Guid.Parse(m.ToString())))];
    }

    /// <summary>One read-transition-write round; null when another node changed the room in between.</summary>
    private async Task<RoomChange<T>?> TryChangeAsync<T>(SessionId sessionId, Func<RoomState> create, Func<Room, T> change)
    {
        var key = _keys.Room(sessionId);
        var stored = await _db.HashGetAsync(key, RoomFields);
        var (revision, json) = (stored[0], stored[1]);
        var working = json.IsNull ? create() : Deserialize(json);
        var room = new Room(working);
        var result = change(room);
        var written = JsonSerializer.SerializeToUtf8Bytes(working, RoomJson.RoomState);
        if (!json.IsNull && ((ReadOnlyMemory<byte>)json).Span.SequenceEqual(written))
        {
            // The transition changed nothing (a second raised hand, say): what we read is still a true answer.
            return new RoomChange<T>(result, working, room.Events);
        }

        var expiresAt = working.ScheduledEnd > _clock.GetUtcNow() ? working.ScheduledEnd : _clock.GetUtcNow();
        var swapped = (long)await _db.ScriptEvaluateAsync(
            RoomScripts.CompareAndSet,
            [key, _keys.ActiveRooms, _keys.Chat(sessionId), _keys.PendingAttendanceRooms],
            [
                json.IsNull ? RedisValue.EmptyString : revision,
                written,
                (expiresAt + _options.Retention).ToUnixTimeMilliseconds(),
                sessionId.ToString(),
                working.Phase == RoomPhase.Ended ? 0 : 1,
                working.PendingAttendance.Count > 0 ? 1 : 0,
            ]);
        return swapped == 1 ? new RoomChange<T>(result, working, room.Events) : null;
    }

    private static RoomState Deserialize(RedisValue json) =>
        JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)json).Span, RoomJson.RoomState)
        ?? throw new InvalidOperationException("A stored room is not a room state.");
}
