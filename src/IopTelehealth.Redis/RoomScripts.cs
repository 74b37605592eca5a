namespace IopTelehealth.Redis;

/// <summary>
/// Lua run atomically inside Redis. StackExchange.Redis sends each script once and then calls it by SHA (EVALSHA).
/// </summary>
internal static class RoomScripts
{
    /// <summary>
    /// Compare-and-set of a room. KEYS: room hash, active-rooms zset, chat list, attendance-pending zset. ARGV: expected revision
    /// ("" = the room must not exist yet), state JSON, expiry (unix ms), session id, "1" while the room is active, "1" while it
    /// holds attendance facts the ledger has not confirmed. Returns 1 when written,
    /// 0 when another node got there first. The revision belongs to the store, so correctness does not depend on every
    /// domain transition bumping <c>RoomState.Version</c>.
    /// </summary>
    public const string CompareAndSet = """
        local rev = redis.call('HGET', KEYS[1], 'rev')
        if ARGV[1] == '' then
          if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        elseif rev ~= ARGV[1] then
          return 0
        end
        redis.call('HSET', KEYS[1], 'state', ARGV[2], 'rev', (tonumber(rev) or 0) + 1)
        redis.call('PEXPIREAT', KEYS[1], ARGV[3])
        redis.call('PEXPIREAT', KEYS[3], ARGV[3])
        if ARGV[5] == '1' then
          redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
        else
          redis.call('ZREM', KEYS[2], ARGV[4])
        end
        if ARGV[6] == '1' then
          redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4])
        else
          redis.call('ZREM', KEYS[4], ARGV[4])
        end
        return 1
        """;

    /// <summary>
    /// Appends a chat line and keeps the last N. KEYS: chat list, room hash. ARGV: line JSON, N, fallback TTL (ms).
    /// The list takes its room's remaining TTL so both go together; chat without a room lives the fallback span.
    /// </summary>
    public const string AppendChat = """
        redis.call('RPUSH', KEYS[1], ARGV[1])
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
        local ttl = redis.call('PTTL', KEYS[2])
        if ttl > 0 then
          redis.call('PEXPIRE', KEYS[1], ttl)
        else
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
        end
        return 1
        """;
}
