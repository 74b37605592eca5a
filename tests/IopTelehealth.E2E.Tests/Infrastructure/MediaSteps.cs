using System.Text.Json;
using IopTelehealth.Server.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>What one remote participant's media looks like at a page, from getStats (media.js inspect()).</summary>
public sealed record RemoteMedia(long FramesDecoded, long AudioPacketsReceived, long VideoPacketsReceived, long VideoBytesReceived);

/// <summary>A page's media: running or not, open connections, live local tracks, what arrives from whom, SFU restarts so far.</summary>
public sealed record MediaReport(bool Active, int Connections, int LiveTracks, IReadOnlyDictionary<string, RemoteMedia> Remotes, double? FirstRemoteFrameAt,
    int Restarts, IReadOnlyList<string>? States = null, IReadOnlyDictionary<string, double>? Timeline = null)
{
    public RemoteMedia From(string participantId) => Remotes.GetValueOrDefault(participantId) ?? new RemoteMedia(0, 0, 0, 0);
}

/// <summary>Joining a video room and reading what the browser receives, for the media tests and the benchmark.</summary>
public static class MediaSteps
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>getStats through the page's own media.js (the same module instance the room page imported).</summary>
    public static async Task<MediaReport> InspectMediaAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // As a JSON string: Playwright's own object mapping adds reference ids ($id) to nested objects.
        var json = await page.EvaluateAsync<string>("async () => JSON.stringify(await (await import('/js/media.js')).inspect())");
        return JsonSerializer.Deserialize<MediaReport>(json, Json)!;
    }

    /// <summary>Polls the page's media (every 250 ms) until the condition holds or the deadline passes.</summary>
    public static async Task<MediaReport> WaitForMediaAsync(this IPage page, Func<MediaReport, bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        MediaReport report;
        while (!condition(report = await page.InspectMediaAsync()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds:F0} s; last media report: {JsonSerializer.Serialize(report, Json)}");
            }

            await Task.Delay(250);
        }

        return report;
    }

    /// <summary>Counters that rise between two reports taken a moment apart (a fixed interval is the measurement here, not a wait for a state).</summary>
    public static async Task<(MediaReport Before, MediaReport After)> SampleTwiceAsync(this IPage page, TimeSpan apart)
    {
        var before = await page.InspectMediaAsync();
        await Task.Delay(apart);
        return (before, await page.InspectMediaAsync());
    }

    public static async Task<string> SelfIdAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Expect(page.Locator("#video-area[data-self-id]")).ToBeVisibleAsync();
        return (await page.Locator("#video-area").GetAttributeAsync("data-self-id"))!;
    }

    public static async Task TherapistJoinsAsync(this IPage therapist)
    {
        ArgumentNullException.ThrowIfNull(therapist);
        await therapist.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);
        await therapist.OpenDropInSessionFromHomeAsync();
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Join the session" }).ClickAsync();
        await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Moderation" })).ToBeVisibleAsync();
    }

    /// <summary>Signs the patient in, opens the pre-join page and returns the alias the group will see (not yet joined).</summary>
    public static async Task<string> PatientOpensPreJoinAsync(this IPage patient, int number, bool audioOnly = false)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await patient.SignInFromHomeAsync(DemoAccounts.Patient(number), DemoAccounts.Password);
        await patient.OpenDropInSessionFromHomeAsync();
        await Expect(patient.Locator("meter#mic-level")).ToBeVisibleAsync();
        if (audioOnly)
        {
            await patient.GetByLabel("Join with audio only").CheckAsync();
        }

        return (await patient.Locator(".prejoin strong").First.TextContentAsync())!.Trim();
    }

    public static async Task AdmitAsync(this IPage therapist, string alias)
    {
        ArgumentNullException.ThrowIfNull(therapist);
        var waiting = therapist.Locator("li.lobby-entry", new() { HasText = alias });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
    }

    /// <summary>Every remote in <paramref name="from"/> decodes video (framesDecoded > 0) and sends audio packets.</summary>
    public static Task<MediaReport> WaitForVideoAndAudioFromAsync(this IPage page, IEnumerable<string> from, TimeSpan timeout) =>
        page.WaitForMediaAsync(r => from.All(id => r.From(id).FramesDecoded > 0 && r.From(id).AudioPacketsReceived > 0), timeout,
            "video and audio from " + string.Join(", ", from));
}
