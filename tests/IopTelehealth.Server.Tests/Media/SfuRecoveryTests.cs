using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Testing;

namespace IopTelehealth.Server.Tests.Media;

/// <summary>Janus crashes (kill -9) and comes back: participants are told to publish again, without rejoining, and moderation holds.</summary>
public sealed class SfuRecoveryTests(CrashableSfuServer sfu) : IClassFixture<CrashableSfuServer>
{
    [Fact]
    public async Task After_a_janus_restart_participants_get_media_restart_and_a_hard_mute_is_applied_again_on_republish()
    {
        var server = sfu.Server;
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(8));
        await patient.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await therapist.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        await therapist.Mute(patient.View.SelfId!);
        var restarts = 0;
        patient.MediaRestartRequested += () => Interlocked.Increment(ref restarts);
        var therapistRestarts = 0;
        therapist.MediaRestartRequested += () => Interlocked.Increment(ref therapistRestarts);

        await sfu.Janus.RestartAsync();

        await Eventually.TrueAsync(() => Volatile.Read(ref restarts) == 1 && Volatile.Read(ref therapistRestarts) == 1,
            "both participants are told to publish and subscribe again", TimeSpan.FromSeconds(30));
        Assert.Equal("admitted", patient.View.Admission);
        await using var janus = await JanusView.OpenAsync(server, sessionId);
        var answer = await patient.Publish(MeshSignals.Sdp(TestSdp.Offer()));
        Assert.Equal("answer", answer.Type);
        await Eventually.TrueAsync(() => janus.Moderation(patient.View.SelfId!).Contains(("0", "muted")), "the hard mute holds after the restart");
        Assert.Contains(JanusView.Feed(patient.View.SelfId!), await janus.ParticipantIdsAsync());
    }
}
