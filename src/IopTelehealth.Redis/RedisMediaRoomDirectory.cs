using System.Text.Json;
using IopTelehealth.Domain.Media;
using IopTelehealth.Domain.Rooms;
using StackExchange.Redis;

namespace IopTelehealth.Redis;

/// <summary>
/// The session → media room map shared by every server node. The first node to place a room wins with one atomic
/// script (SET NX, else GET): two nodes placing the same session at once end up using the same room, and the loser
/// destroys the one it created. The record expires with the room retention, so ended sessions do not pile up.
/// </summary>
public sealed class RedisMediaRoomDirectory(IConnectionMultiplexer redis, RedisRoomsOptions options) : IMediaRoomDirectory
{
    // Returns the stored record: the candidate when it was written, the existing one otherwise.
    private static readonly LuaScript SetIfAbsent = LuaScript.Prepare(
        "local existing = redis.call('GET', @key) " +
        "if existing then return existing end " +
        "redis.call('SET', @key, @record, 'PX', @ttl) " +
        "return @record");

    private readonly IDatabase _db = redis.GetDatabase(options.Database);
    private readonly RedisKeys _keys = new(options.KeyPrefix);

    public async Task<MediaRoomRecord?> GetAsync(SessionId sessionId, CancellationToken cancellationToken = default)
    {
        var value = await _db.StringGetAsync(_keys.MediaRoom(sessionId));
        return value.IsNullOrEmpty ? null : Read(value!);
    }

    public async Task<MediaRoomRecord> GetOrAddAsync(SessionId sessionId, MediaRoomRecord candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var json = JsonSerializer.Serialize(candidate, RoomJsonContext.Default.MediaRoomRecord);
        var stored = await _db.ScriptEvaluateAsync(SetIfAbsent, new
        {
            key = _keys.MediaRoom(sessionId),
            record = json,
            ttl = (long)options.Retention.TotalMilliseconds,
        });
        return Read((string)stored!);
    }

    public async Task RemoveAsync(SessionId sessionId, CancellationToken cancellationToken = default) =>
        await _db.KeyDeleteAsync(_keys.MediaRoom(sessionId));

    private static MediaRoomRecord Read(string json) =>
        JsonSerializer.Deserialize(json, RoomJsonContext.Default.MediaRoomRecord)
            ?? throw new InvalidOperationException("A media room record in Redis is empty.");
}
