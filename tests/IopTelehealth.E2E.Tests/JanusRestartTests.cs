using System.Diagnostics;
using IopTelehealth.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The SFU crashes mid-session (SIGKILL) and comes back on the same port: the server recreates the rooms and handles
/// and tells the browsers to publish and subscribe again (MediaRestart); media flows again without anyone rejoining.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class JanusRestartTests(RestartableSfuAppFixture app) : IClassFixture<RestartableSfuAppFixture>
{
    private static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task After_a_janus_crash_and_restart_media_resumes_for_everyone_within_15_seconds_without_rejoining()
    {
        var therapist = await app.NewPageAsync();
        var patient = await app.NewPageAsync();
        var alias = patient.PatientOpensPreJoinAsync(5);
        await Task.WhenAll(therapist.TherapistJoinsAsync(), alias);
        await patient.AttestAndJoinAsync();
        await therapist.AdmitAsync(await alias);
        var therapistId = await therapist.SelfIdAsync();
        var patientId = await patient.SelfIdAsync();
        await therapist.WaitForVideoAndAudioFromAsync([patientId], TimeSpan.FromSeconds(25));
        await patient.WaitForVideoAndAudioFromAsync([therapistId], TimeSpan.FromSeconds(25));
        // A mark on each page: a reload or a navigation (a rejoin) would lose it.
        foreach (var page in new[] { therapist, patient })
        {
            await page.EvaluateAsync("() => { window.iopStillHere = true; }");
        }

        var clock = Stopwatch.StartNew();
        await app.Janus.RestartAsync();

        var resumed = await Task.WhenAll(
            FramesRiseAgainAsync(therapist, patientId, clock),
            FramesRiseAgainAsync(patient, therapistId, clock));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Media resumed after the Janus restart: therapist {resumed[0].TotalSeconds:F1} s, patient {resumed[1].TotalSeconds:F1} s");
        foreach (var page in new[] { therapist, patient })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.iopStillHere === true"), "the page was neither reloaded nor left");
            Assert.Equal("room", await page.Locator(".room-page").GetAttributeAsync("data-stage"));
        }

        Assert.Equal(therapistId, await therapist.SelfIdAsync());
        Assert.Equal(patientId, await patient.SelfIdAsync());
        var audio = await patient.SampleTwiceAsync(TimeSpan.FromSeconds(1));
        Assert.True(audio.After.From(therapistId).AudioPacketsReceived > audio.Before.From(therapistId).AudioPacketsReceived, "the therapist is heard again");
    }

    /// <summary>
    /// Waits until the page started its SFU connections again and frames from <paramref name="from"/> rise on them
    /// between two samples; returns when, since the kill.
    /// </summary>
    private static async Task<TimeSpan> FramesRiseAgainAsync(IPage page, string from, Stopwatch sinceKill)
    {
        while (true)
        {
            var (before, after) = await page.SampleTwiceAsync(TimeSpan.FromMilliseconds(500));
            if (before.Restarts > 0 && after.Restarts == before.Restarts && after.From(from).FramesDecoded > before.From(from).FramesDecoded)
            {
                return sinceKill.Elapsed;
            }

            if (sinceKill.Elapsed > ResumeWithin)
            {
                throw new TimeoutException(
                    $"video from {from} did not resume within {ResumeWithin.TotalSeconds:F0} s of the Janus restart: {after.From(from)}, restarts {after.Restarts}");
            }
        }
    }
}
