using IopTelehealth.Testing;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes: the only way these tests wait for the other side.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The same for a condition that has to ask (a database, a store).</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Polling.UntilAsync(condition, timeout ?? TimeSpan.FromSeconds(10), () => $"Timed out waiting until {what}.");
}
