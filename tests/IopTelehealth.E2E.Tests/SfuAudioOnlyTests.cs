using IopTelehealth.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// Audio-only through the SFU, chosen on the pre-join page: the participant is heard and receives no video. A class
/// (and so a server and a Janus) of its own: the demo has one therapist account, and a second join of the same
/// participant from a new page does not get a fresh subscription from the server yet (see the report in
/// docs/browser-media.md, "Known limits").
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class SfuAudioOnlyTests(SfuAppFixture app) : IClassFixture<SfuAppFixture>
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task An_audio_only_participant_receives_no_video_and_is_heard()
    {
        var therapist = await app.NewPageAsync();
        var patient = await app.NewPageAsync();
        var alias = patient.PatientOpensPreJoinAsync(3, audioOnly: true);
        await Task.WhenAll(therapist.TherapistJoinsAsync(), alias);
        await patient.AttestAndJoinAsync();
        await therapist.AdmitAsync(await alias);
        var therapistId = await therapist.SelfIdAsync();
        var patientId = await patient.SelfIdAsync();

        await therapist.WaitForMediaAsync(r => r.From(patientId).AudioPacketsReceived > 0, MediaTimeout, "the audio-only patient's audio");
        await patient.WaitForMediaAsync(r => r.From(therapistId).AudioPacketsReceived > 0, MediaTimeout, "the therapist's audio");
        var (before, after) = await patient.SampleTwiceAsync(Interval);

        Assert.True(after.From(therapistId).AudioPacketsReceived > before.From(therapistId).AudioPacketsReceived, "the therapist is heard");
        Assert.Equal((0L, 0L), (after.From(therapistId).FramesDecoded, after.From(therapistId).VideoBytesReceived));
        Assert.Equal(1, after.LiveTracks);
        await Expect(therapist.Locator($".tile[data-participant-id='{patientId}'] .no-video")).ToHaveTextAsync("Audio only");
        Assert.Empty(app.ConsoleErrors(patient));
    }
}
