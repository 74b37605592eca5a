namespace IopTelehealth.Redis;

/// <summary>How the Redis room and presence stores use the shared Redis.</summary>
public sealed class RedisRoomsOptions
{
    /// <summary>Prepended to every key, so several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "iop:";

    /// <summary>The Redis database number; -1 is the connection's default.</summary>
    public int Database { get; set; } = -1;

    /// <summary>A room and its chat expire this long after its scheduled end (or its last change, when later).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Attempts of one transition when other nodes keep changing the room, before answering "conflict".</summary>
    public int MaxChangeAttempts { get; set; } = 32;

    /// <summary>Throws when a setting cannot work, naming it, so a bad configuration fails at start.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyPrefix))
        {
            throw new InvalidOperationException($"{nameof(RedisRoomsOptions)}.{nameof(KeyPrefix)} must not be empty.");
        }

        if (Retention <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(RedisRoomsOptions)}.{nameof(Retention)} must be positive.");
        }

        if (MaxChangeAttempts < 1)
        {
            throw new InvalidOperationException($"{nameof(RedisRoomsOptions)}.{nameof(MaxChangeAttempts)} must be at least 1.");
        }
    }
}
