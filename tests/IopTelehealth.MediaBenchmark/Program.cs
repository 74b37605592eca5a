using System.Diagnostics;
using System.Globalization;
using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.MediaBenchmark;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

// Join-to-first-frame and CPU per participant in the browser video room (docs/benchmarks.md, "Browser media").
//   join sfu|mesh [runs]       click on Join (patient, room open, therapist admitted and publishing) → first decoded remote frame
//   cpu sfu|mesh [seconds]     4 browsers in one room: CPU of the server process, Janus and the browsers while media flows
// Runs inside the test network namespace (infra/media-benchmark.sh creates it): Janus ICE needs it.
if (args.Length < 2 || args[0] is not ("join" or "cpu") || args[1] is not ("sfu" or "mesh"))
{
    Console.Error.WriteLine("usage: IopTelehealth.MediaBenchmark join|cpu sfu|mesh [runs|seconds]");
    return 2;
}

var sfu = args[1] == "sfu";
var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : (args[0] == "join" ? 9 : 30);
await using var app = sfu ? (WebAppFixture)new SfuAppFixture() : new MeshAppFixture();
await app.InitializeAsync();
var therapist = await app.NewPageAsync();
await therapist.TherapistJoinsAsync();
// The therapist admits whoever waits at once, from inside the page: the measurement is the system's, not a person's.
await therapist.EvaluateAsync("""
    () => new MutationObserver(() => {
        for (const b of document.querySelectorAll('li.lobby-entry button:not([data-clicked])')) {
            if (b.textContent.trim().startsWith('Admit')) { b.dataset.clicked = '1'; b.click(); }
        }
    }).observe(document.body, { childList: true, subtree: true })
    """);

return args[0] == "join" ? await JoinToFirstFrameAsync(app, therapist, count) : await CpuAsync(app, therapist, sfu, count);

static async Task<int> JoinToFirstFrameAsync(WebAppFixture app, IPage therapist, int runs)
{
    var results = new List<double>();
    // Run 0 warms up (the server's first media room, JIT); runs 1..N are recorded.
    for (var run = 0; run <= runs; run++)
    {
        var patient = await app.NewPageAsync();
        await patient.PatientOpensPreJoinAsync(1 + (run % 8));
        await patient.EvaluateAsync("""
            () => document.addEventListener('click', e => {
                if (e.target.closest('button[type=submit]')) window.iopJoinClickAt = performance.now();
            }, true)
            """);
        await patient.AttestAndJoinAsync();
        MediaReport report;
        try
        {
            report = await patient.WaitForMediaAsync(r => r.FirstRemoteFrameAt is not null, TimeSpan.FromSeconds(30), "a first remote frame");
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine("the therapist's page: " + System.Text.Json.JsonSerializer.Serialize(await therapist.InspectMediaAsync()));
            throw;
        }

        var clickAt = await patient.EvaluateAsync<double>("() => window.iopJoinClickAt");
        var ms = report.FirstRemoteFrameAt!.Value - clickAt;
        // Where the time went, from the click: each step of the page's media start (media.js timeline).
        var steps = string.Join(", ", (report.Timeline ?? new Dictionary<string, double>()).OrderBy(s => s.Value)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} +{s.Value - clickAt:F0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}{(run == 0 ? " (warm-up)" : "")}: {ms:F0} ms ({steps})"));
        if (run > 0)
        {
            results.Add(ms);
        }

        await patient.GetByRole(AriaRole.Button, new() { Name = "Leave the session" }).ClickAsync();
        await Expect(patient.Locator(".room-page[data-stage=gone]")).ToBeVisibleAsync();
        await patient.Context.CloseAsync();
    }

    results.Sort();
    var median = results.Count % 2 == 1 ? results[results.Count / 2] : (results[(results.Count / 2) - 1] + results[results.Count / 2]) / 2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"join-to-first-frame over {results.Count} runs: median {median:F0} ms, min {results[0]:F0} ms, max {results[^1]:F0} ms; all: {string.Join(", ", results.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}"));
    return 0;
}

static async Task<int> CpuAsync(WebAppFixture app, IPage therapist, bool sfu, int seconds)
{
    var pages = new List<IPage> { therapist };
    for (var n = 1; n <= 3; n++)
    {
        var patient = await app.NewPageAsync();
        await patient.PatientOpensPreJoinAsync(n);
        await patient.AttestAndJoinAsync();
        pages.Add(patient);
    }

    var ids = new List<string>();
    foreach (var page in pages)
    {
        ids.Add(await page.SelfIdAsync());
    }

    for (var i = 0; i < pages.Count; i++)
    {
        await pages[i].WaitForVideoAndAudioFromAsync(ids.Where((_, j) => j != i), TimeSpan.FromSeconds(40));
    }

    var janus = sfu ? ProcessCpu.FindInOurNamespace(Path.GetDirectoryName(((SfuAppFixture)app).Janus.LogPath)!) : [];
    var browsers = ProcessCpu.FindInOurNamespace("chromium");
    var self = Process.GetCurrentProcess();
    var (server0, janus0, browsers0) = (self.TotalProcessorTime.TotalSeconds, ProcessCpu.Seconds(janus), ProcessCpu.Seconds(browsers));
    var clock = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(seconds)); // the measurement window itself: media flows, nothing polls
    var elapsed = clock.Elapsed.TotalSeconds;
    self.Refresh();
    var server = (self.TotalProcessorTime.TotalSeconds - server0) / elapsed * 100;
    var janusCpu = (ProcessCpu.Seconds(janus) - janus0) / elapsed * 100;
    var browserCpu = (ProcessCpu.Seconds(browsers) - browsers0) / elapsed * 100;
    foreach (var page in pages)
    {
        var (before, after) = await page.SampleTwiceAsync(TimeSpan.FromSeconds(1));
        var still = ids.Where(id => id != ids[pages.IndexOf(page)]).All(id => after.From(id).FramesDecoded > before.From(id).FramesDecoded);
        if (!still)
        {
            Console.Error.WriteLine("media stopped during the window: the figures are not valid");
            return 1;
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{(sfu ? "sfu" : "mesh")}, 4 browsers, {elapsed:F0} s: server process {server:F1} % of one core ({server / 4:F2} % per participant), " +
        $"Janus {janusCpu:F1} % ({janusCpu / 4:F2} % per participant), the 4 browsers together {browserCpu:F0} %"));
    return 0;
}
