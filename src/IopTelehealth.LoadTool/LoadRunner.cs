using System.Net;
using IopTelehealth.LoadTool.Baseline;

namespace IopTelehealth.LoadTool;

/// <summary>The two sides of a run (either may be skipped).</summary>
internal sealed record LoadRunResults(RunResult? Hub, RunResult? Baseline);

/// <summary>A whole run: tokens, sessions, the hub and the baseline side by side, the report.</summary>
internal static class LoadRunner
{
    public static async Task<LoadRunResults> RunAsync(LoadOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var accounts = LoadRoster.Accounts(options);
        RunResult? hub = null, baseline = null;
        if (options.Baseline && options.BaselineFirst)
        {
            baseline = await BaselineRun.RunAsync(options, accounts, output);
        }

        if (options.Hub)
        {
            var store = new TokenStore(options, output);
            // Tokens must outlive the whole run (ramp, warm-up, window) with a margin.
            var mustLast = options.Duration + options.Warmup + TimeSpan.FromSeconds(options.Participants / (double)options.JoinRate) + TimeSpan.FromMinutes(5);
            var tokens = await store.AcquireAsync([.. accounts.Select(a => a.Email)], mustLast, CancellationToken.None);
            IReadOnlyList<Guid> sessions;
            try
            {
                sessions = await LoadRoster.OpenSessionsAsync(options.Server, tokens[accounts[0].Email], options.Rooms, CancellationToken.None);
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The server was reset since the tokens were cached (new keys or a new database): sign in again.
                store.Clear();
                tokens = await store.AcquireAsync([.. accounts.Select(a => a.Email)], mustLast, CancellationToken.None);
                sessions = await LoadRoster.OpenSessionsAsync(options.Server, tokens[accounts[0].Email], options.Rooms, CancellationToken.None);
            }

            hub = await HubRun.RunAsync(options, accounts, sessions, tokens, output);
        }

        if (options.Baseline && !options.BaselineFirst)
        {
            baseline = await BaselineRun.RunAsync(options, accounts, output);
        }

        Report.Print(options, hub, baseline, output);
        return new LoadRunResults(hub, baseline);
    }
}
