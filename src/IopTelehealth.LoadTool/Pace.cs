using System.Diagnostics;

namespace IopTelehealth.LoadTool;

internal static class Pace
{
    /// <summary>
    /// Starts <paramref name="start"/> for every item at <paramref name="perSecond"/> (arrivals, not one after another:
    /// a slow join does not hold back the next) and waits for all of them.
    /// </summary>
    public static async Task RunAsync<T>(IEnumerable<T> items, int perSecond, Func<T, Task> start)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        var n = 0;
        foreach (var item in items)
        {
            var due = TimeSpan.FromSeconds((double)n++ / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            running.Add(start(item));
        }

        await Task.WhenAll(running);
    }

    /// <summary>Runs <paramref name="work"/> for every item, at most <paramref name="parallelism"/> at once.</summary>
    public static Task BoundedAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await work(item));
}
