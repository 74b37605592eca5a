using System.Diagnostics;
using IopTelehealth.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The video room through a real Janus (VideoRoom SFU) driven by the server: three browsers with fake cameras and
/// microphones join through the lobby, see and hear each other, and the therapist's moderation holds at the SFU.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class SfuMediaTests(SfuAppFixture app) : IClassFixture<SfuAppFixture>
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Three_browsers_see_and_hear_each_other_a_hard_mute_stops_one_voice_at_the_sfu_and_removal_stops_her_media()
    {
        var clock = Stopwatch.StartNew();
        var therapist = await app.NewPageAsync();
        var oak = await app.NewPageAsync();
        var river = await app.NewPageAsync();
        var oakAlias = oak.PatientOpensPreJoinAsync(1);
        var riverAlias = river.PatientOpensPreJoinAsync(2);
        await Task.WhenAll(therapist.TherapistJoinsAsync(), oakAlias, riverAlias);
        await Task.WhenAll(oak.AttestAndJoinAsync(), river.AttestAndJoinAsync());
        await therapist.AdmitAsync(await oakAlias);
        await therapist.AdmitAsync(await riverAlias);

        var ids = await Task.WhenAll(therapist.SelfIdAsync(), oak.SelfIdAsync(), river.SelfIdAsync());
        var (therapistId, oakId, riverId) = (ids[0], ids[1], ids[2]);
        Assert.Equal("sfu", await therapist.Locator("#video-area").GetAttributeAsync("data-mode"));

        // Everyone decodes everyone else's video and receives their audio.
        await therapist.WaitForVideoAndAudioFromAsync([oakId, riverId], MediaTimeout);
        await oak.WaitForVideoAndAudioFromAsync([therapistId, riverId], MediaTimeout);
        await river.WaitForVideoAndAudioFromAsync([therapistId, oakId], MediaTimeout);
        var (before, after) = await river.SampleTwiceAsync(Interval);
        foreach (var id in new[] { therapistId, oakId })
        {
            Assert.True(after.From(id).AudioPacketsReceived > before.From(id).AudioPacketsReceived, $"audio from {id} keeps arriving");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Three browsers decoding each other: {clock.Elapsed.TotalSeconds:F1} s");

        // Hard mute: Oak's control is disabled with the reason, and her audio stops arriving at the others (Janus
        // moderates it away) while her video goes on.
        await therapist.ModerationRow(await oakAlias).GetByRole(AriaRole.Button, new() { Name = "Mute" }).ClickAsync();
        await Expect(oak.Locator("button.toggle.mic")).ToBeDisabledAsync();
        await Expect(oak.Locator("#mic-reason")).ToHaveTextAsync("The therapist muted you. You can unmute when the therapist allows it.");
        foreach (var listener in new[] { therapist, river })
        {
            await AudioStopsWhileVideoGoesOnAsync(listener, oakId);
        }

        // The others still hear each other.
        (before, after) = await river.SampleTwiceAsync(Interval);
        Assert.True(after.From(therapistId).AudioPacketsReceived > before.From(therapistId).AudioPacketsReceived, "the therapist is still heard");

        // Removal: Oak's page says so, and every one of her tracks and connections is closed.
        await therapist.ModerationRow(await oakAlias).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await therapist.ModerationRow(await oakAlias).Locator("button.confirm-remove").ClickAsync();
        await Expect(oak.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You were removed from the session");
        var gone = await oak.InspectMediaAsync();
        Assert.Equal((false, 0, 0), (gone.Active, gone.Connections, gone.LiveTracks));
        Assert.Equal(0, await oak.EvaluateAsync<int>("() => document.querySelectorAll('video, audio').length"));
        await Expect(river.Locator($".tile[data-participant-id='{oakId}']")).ToHaveCountAsync(0);

        // River switches to audio-only in the room: the SFU stops sending her video (frames stop) and her audio goes on.
        await river.GetByRole(AriaRole.Button, new() { Name = "Switch to audio only" }).ClickAsync();
        await Expect(therapist.Locator($".tile[data-participant-id='{riverId}'] .no-video")).ToHaveTextAsync("Audio only");
        await river.WaitForMediaAsync(r => r.From(therapistId).FramesDecoded == 0 || r.LiveTracks == 1, MediaTimeout, "the camera off and no video in");
        (before, after) = await river.SampleTwiceAsync(Interval);
        Assert.Equal(before.From(therapistId).FramesDecoded, after.From(therapistId).FramesDecoded);
        Assert.True(after.From(therapistId).AudioPacketsReceived > before.From(therapistId).AudioPacketsReceived, "River still hears the therapist");
        (before, after) = await therapist.SampleTwiceAsync(Interval);
        Assert.True(after.From(riverId).AudioPacketsReceived > before.From(riverId).AudioPacketsReceived, "the therapist still hears River");
        Assert.Equal(before.From(riverId).FramesDecoded, after.From(riverId).FramesDecoded);

        foreach (var page in new[] { therapist, oak, river })
        {
            Assert.Empty(app.ConsoleErrors(page));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"SFU room flow (three browsers, sign-in included): {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Audio packets from <paramref name="speakerId"/> stop rising at the listener; frames keep rising.</summary>
    private static async Task AudioStopsWhileVideoGoesOnAsync(IPage listener, string speakerId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var (before, after) = await listener.SampleTwiceAsync(Interval);
            var audioStopped = after.From(speakerId).AudioPacketsReceived == before.From(speakerId).AudioPacketsReceived;
            var videoGoesOn = after.From(speakerId).FramesDecoded > before.From(speakerId).FramesDecoded;
            if (audioStopped)
            {
                Assert.True(videoGoesOn, "the muted participant's video keeps decoding");
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"audio from {speakerId} still arrives after the hard mute: {before.From(speakerId)} → {after.From(speakerId)}");
            }
        }
    }
}
