using System.Diagnostics;

namespace IopTelehealth.LoadTool;

/// <summary>What a simulated participant can do in the steady state, whatever it is connected to.</summary>
internal interface ISimulatedParticipant
{
    int Index { get; }

    Task SendChatAsync(string text);

    Task SetHandAsync(bool raised);
}

/// <summary>
/// Drives every participant on a fixed schedule (open loop): a chat line every chat interval and a hand raised or
/// lowered every hand interval, each participant at its own random phase so the load is even. A slow call does not
/// delay the next one, so the hub and the baseline are offered exactly the same work.
/// </summary>
internal static class SteadyState
{
    /// <param name="servers">The server-side processes to measure (the server, and Redis when it holds the rooms).</param>
    /// <returns>CPU of this process (the client side) and of each server-side process during the measured window.</returns>
    public static async Task<(TimeSpan Client, TimeSpan[] Servers)> RunAsync(IReadOnlyList<ISimulatedParticipant> participants, LoadOptions options,
        LoadCounters counters, IReadOnlyList<int> servers, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        var drivers = participants.Select(p => DriveAsync(p, options, counters, stop.Token)).ToList();
        await Task.Delay(options.Warmup);
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverStart = servers.Select(ProcessMeter.Read).ToList();
        counters.OpenWindow();
        output.WriteLine($"  measuring {options.Duration.TotalSeconds:0} s ...");
        await Task.Delay(options.Duration);
        counters.CloseWindow();
        var serverEnd = servers.Select(ProcessMeter.Read).ToList();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - startCpu;
        await stop.CancelAsync();
        await Task.WhenAll(drivers);
        // Lines still in flight arrive after the window; give them a moment so the fan-out tail is not cut off.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return (clientCpu, [.. serverEnd.Zip(serverStart, (end, start) => end.Cpu - start.Cpu)]);
    }

    private static async Task DriveAsync(ISimulatedParticipant participant, LoadOptions options, LoadCounters counters, CancellationToken stop)
    {
        var random = new Random(participant.Index);
        var start = Stopwatch.GetTimestamp();
        var nextChat = options.ChatInterval * random.NextDouble();
        var hands = options.HandInterval > TimeSpan.Zero;
        var nextHand = hands ? options.HandInterval * random.NextDouble() : TimeSpan.MaxValue;
        var raised = false;
        var pending = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = nextChat < nextHand ? nextChat : nextHand;
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }

                if (nextChat <= nextHand)
                {
                    pending.Add(Call(() => participant.SendChatAsync(ChatStamp.Create(participant.Index, options.ChatBytes)), counters));
                    nextChat += options.ChatInterval;
                }
                else
                {
                    raised = !raised;
                    var value = raised;
                    pending.Add(Call(() => participant.SetHandAsync(value), counters));
                    nextHand += options.HandInterval;
                }

                pending.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException)
        {
            // End of the steady state.
        }

        await Task.WhenAll(pending);
    }

    private static async Task Call(Func<Task> call, LoadCounters counters)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            counters.Error(e is Client.RoomCallException room ? room.Code : e.GetType().Name);
        }
    }
}
