using System.Diagnostics;
using IopTelehealth.E2E.Tests.Infrastructure;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The embedded default (no SFU): two browsers in one room see and hear each other over one browser-to-browser
/// connection whose signaling the hub relays. Runs in the test network namespace like every media test.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class MeshMediaTests(MeshAppFixture app) : IClassFixture<MeshAppFixture>
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_therapist_and_a_patient_decode_each_others_video_and_receive_each_others_audio()
    {
        var clock = Stopwatch.StartNew();
        var therapist = await app.NewPageAsync();
        var patient = await app.NewPageAsync();
        var preJoin = patient.PatientOpensPreJoinAsync(4);
        await Task.WhenAll(therapist.TherapistJoinsAsync(), preJoin);
        await patient.AttestAndJoinAsync();
        await therapist.AdmitAsync(await preJoin);

        var therapistId = await therapist.SelfIdAsync();
        var patientId = await patient.SelfIdAsync();
        Assert.Equal("mesh", await therapist.Locator("#video-area").GetAttributeAsync("data-mode"));

        await therapist.WaitForVideoAndAudioFromAsync([patientId], MediaTimeout);
        await patient.WaitForVideoAndAudioFromAsync([therapistId], MediaTimeout);
        var (before, after) = await patient.SampleTwiceAsync(TimeSpan.FromSeconds(1));
        Assert.True(after.From(therapistId).AudioPacketsReceived > before.From(therapistId).AudioPacketsReceived, "the therapist's audio keeps arriving");
        Assert.True(after.From(therapistId).FramesDecoded > before.From(therapistId).FramesDecoded, "the therapist's video keeps decoding");
        // Mesh: one connection per other participant, and both of our own tracks live.
        Assert.Equal((1, 2), (after.Connections, after.LiveTracks));

        Assert.Empty(app.ConsoleErrors(therapist));
        Assert.Empty(app.ConsoleErrors(patient));
        TestContext.Current.TestOutputHelper?.WriteLine($"Mesh join and decode (two browsers, sign-in included): {clock.Elapsed.TotalSeconds:F1} s");
    }
}
