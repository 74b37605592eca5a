using System.Text.Json;
using IopTelehealth.Domain.Media;
using StackExchange.Redis;

namespace IopTelehealth.Redis;

/// <summary>
/// The media-server handle → owner map shared by every server node: Janus posts all its events to one node, which
/// must know handles another node opened. One key per handle; it expires with the room retention (a node that died
/// without closing its handles leaves nothing behind for long), and a retired handle goes after
/// <see cref="IMediaHandleDirectory.RetireAfter"/>.
/// </summary>
public sealed class RedisMediaHandleDirectory(IConnectionMultiplexer redis, RedisRoomsOptions options) : IMediaHandleDirectory
{
    private readonly IDatabase _db = redis.GetDatabase(options.Database);
    private readonly RedisKeys _keys = new(options.KeyPrefix);

    public async Task AddAsync(long handleId, MediaHandleOwner owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await _db.StringSetAsync(_keys.MediaHandle(handleId), JsonSerializer.Serialize(owner, RoomJsonContext.Default.MediaHandleOwner), options.Retention);
    }

    public async Task RetireAsync(long handleId, CancellationToken cancellationToken = default) =>
        await _db.KeyExpireAsync(_keys.MediaHandle(handleId), IMediaHandleDirectory.RetireAfter);

    public async Task RemoveAsync(long handleId, CancellationToken cancellationToken = default) =>
        await _db.KeyDeleteAsync(_keys.MediaHandle(handleId));

    public async Task<MediaHandleOwner?> FindAsync(long handleId, CancellationToken cancellationToken = default)
    {
        var value = await _db.StringGetAsync(_keys.MediaHandle(handleId));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)value!, RoomJsonContext.Default.MediaHandleOwner);
    }
}
