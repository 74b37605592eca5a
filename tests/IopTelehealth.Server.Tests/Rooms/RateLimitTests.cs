using System.Diagnostics;
using IopTelehealth.Client;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>A server whose connections may make 5 calls at once, refilled at 2 per second.</summary>
public sealed class RateLimitedServer() : IopServer(new Dictionary<string, string?>
{
    ["Rooms:RateLimit:PermitsPerSecond"] = "2",
    ["Rooms:RateLimit:Burst"] = "5",
});

/// <summary>The per-connection token bucket: calls beyond the burst answer rate-limited, do nothing, and cost one token each.</summary>
public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    private const int Burst = 5;
    private const double PermitsPerSecond = 2;

    [Fact]
    public async Task A_connection_gets_its_burst_then_rate_limited_and_each_call_costs_one_token()
    {
        await using var client = await server.ConnectAsAsync(DemoAccounts.Patient(1));

        var (codes, elapsed) = await BurstAsync(12, _ => client.Heartbeat());

        // Every call passes the filter exactly once: the burst lets through 5 calls (plus what refilled meanwhile), not 2 or 3
        // as a filter registered twice would.
        var passed = codes.Count(c => c == "not-joined");
        Assert.All(codes, c => Assert.True(c is "not-joined" or "rate-limited", c));
        Assert.InRange(passed, Burst, Burst + (int)Math.Ceiling(elapsed.TotalSeconds * PermitsPerSecond));
        Assert.Contains("rate-limited", codes);
    }

    [Fact]
    public async Task Arguments_refused_by_the_binder_never_reach_the_limiter()
    {
        await using var client = await server.ConnectAsAsync(DemoAccounts.Patient(3));

        var (unbound, _) = await BurstAsync(12, _ => client.InvokeRawAsync<object?>("SetMedia", "yes", "no"));
        var (codes, elapsed) = await BurstAsync(12, _ => client.Heartbeat());

        Assert.All(unbound, c => Assert.Equal("invalid-argument", c));
        Assert.InRange(codes.Count(c => c == "not-joined"), Burst, Burst + (int)Math.Ceiling(elapsed.TotalSeconds * PermitsPerSecond));
    }

    [Fact]
    public async Task Refused_calls_change_nothing()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2));

        var (codes, _) = await BurstAsync(12, i => patient.SendChat($"line {i}", null));

        var accepted = Enumerable.Range(0, codes.Count).Where(i => codes[i] == "ok").Select(i => $"line {i}").ToList();
        Assert.Contains("rate-limited", codes);
        Assert.All(codes, c => Assert.True(c is "ok" or "rate-limited", c));
        Assert.Equal(accepted.Order(), (await server.StoredChatAsync(sessionId)).Select(m => m.Text).Order());
        await Eventually.TrueAsync(() => therapist.View.Chat.Count == accepted.Count, "the therapist gets the accepted lines");
        Assert.Equal(accepted.Order(), therapist.View.Chat.Select(m => m.Text).Order());
    }

    /// <summary>Sends <paramref name="count"/> calls at once and returns each one's outcome ("ok" or its error code), in call order.</summary>
    private static async Task<(IReadOnlyList<string> Codes, TimeSpan Elapsed)> BurstAsync(int count, Func<int, Task> call)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                await call(i);
                return "ok";
            }
            catch (RoomCallException e)
            {
                return e.Code;
            }
        }));
        return (outcomes, clock.Elapsed);
    }
}
