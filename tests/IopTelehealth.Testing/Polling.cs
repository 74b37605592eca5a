namespace IopTelehealth.Testing;

/// <summary>Waiting for an outside process (redis-server, a server node) without fixed sleeps: poll a condition until a deadline.</summary>
public static class Polling
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure());
            }

            await Task.Delay(25);
        }
    }
}
