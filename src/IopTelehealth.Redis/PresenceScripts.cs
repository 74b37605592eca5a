namespace IopTelehealth.Redis;

/// <summary>
/// Lua for presence: each script is one atomic step, so a node dying between two commands cannot leave a connection
/// that is in a node's set but has no hash (or the reverse). Key names are built from prefixes passed in ARGV.
/// </summary>
internal static class PresenceScripts
{
    /// <summary>KEYS: connection hash. ARGV: node prefix, node, session, participant, user, seen ms, connection id.</summary>
    public const string Register = """
        local old = redis.call('HGET', KEYS[1], 'node')
        if old and old ~= ARGV[2] then
          redis.call('SREM', ARGV[1] .. old, ARGV[7])
        end
        redis.call('HSET', KEYS[1], 'node', ARGV[2], 'session', ARGV[3], 'participant', ARGV[4], 'user', ARGV[5], 'seen', ARGV[6])
        redis.call('SADD', ARGV[1] .. ARGV[2], ARGV[7])
        return 1
        """;

    /// <summary>
    /// KEYS: connection hash. ARGV: seen ms. Only an existing connection, and only forward: a heartbeat must not
    /// recreate a removed connection as a half-filled hash, and a delayed older one must not move last-seen back.
    /// </summary>
    public const string Heartbeat = """
        local seen = redis.call('HGET', KEYS[1], 'seen')
        if seen and tonumber(ARGV[1]) > tonumber(seen) then
          redis.call('HSET', KEYS[1], 'seen', ARGV[1])
          return 1
        end
        return 0
        """;

    /// <summary>KEYS: connection hash. ARGV: node prefix, connection id.</summary>
    public const string Remove = """
        local node = redis.call('HGET', KEYS[1], 'node')
        if not node then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', ARGV[1] .. node, ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: nodes zset, the node's connection set. ARGV: node id, connection prefix. Only the caller whose ZREM removed
    /// the node goes on; it takes and deletes the node's connections in the same step. Returns a flat array of
    /// (connection, session, participant, user, seen) tuples. A connection that moved to another node is left alone.
    /// </summary>
    public const string ClaimNode = """
        if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return {} end
        local ids = redis.call('SMEMBERS', KEYS[2])
        redis.call('DEL', KEYS[2])
        local out = {}
        for _, id in ipairs(ids) do
          local key = ARGV[2] .. id
          local f = redis.call('HMGET', key, 'node', 'session', 'participant', 'user', 'seen')
          if f[1] == ARGV[1] then
            redis.call('DEL', key)
            out[#out + 1] = id
            out[#out + 1] = f[2]
            out[#out + 1] = f[3]
            out[#out + 1] = f[4]
            out[#out + 1] = f[5]
          end
        end
        return out
        """;
}
