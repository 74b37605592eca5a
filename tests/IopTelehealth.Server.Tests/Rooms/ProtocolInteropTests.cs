using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>JSON and MessagePack clients in one room see the same room: every event reaches both protocols.</summary>
public sealed class ProtocolInteropTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Json_and_MessagePack_clients_share_one_room()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId, messagePack: true);
        await using var json = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var packed = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2), messagePack: true);

        await json.SendChat("from json", null);
        await packed.SendChat("from messagepack", therapist.View.SelfId);
        await packed.RaiseHand();
        await json.RaiseHand();
        await packed.SetMedia(audio: true, video: false);
        await therapist.Spotlight(json.View.SelfId);

        await Eventually.TrueAsync(() => packed.View.Chat.Any(c => c.Text == "from json"), "MessagePack gets the JSON client's line");
        await Eventually.TrueAsync(() => therapist.View.Chat.Count == 2, "the therapist gets both lines");
        await Eventually.TrueAsync(() => json.View.HandQueue.Count == 2 && packed.View.HandQueue.Count == 2, "both see two hands");
        await Eventually.TrueAsync(() => json.View.Room?.SpotlightParticipantId == json.View.SelfId, "the JSON client sees the spotlight");
        await Eventually.TrueAsync(() => json.View.Find(packed.View.SelfId!) is { AudioOn: true, VideoOn: false }, "the JSON client sees the media change");
        Assert.Equal([packed.View.SelfId!, json.View.SelfId!], json.View.HandQueue);
        Assert.Equal(json.View.HandQueue, packed.View.HandQueue);
        Assert.Equal(json.View.Participants.Select(p => p.Id), packed.View.Participants.Select(p => p.Id));
        Assert.DoesNotContain(json.View.Chat, c => c.Text == "from messagepack");
        Assert.Equal(json.View.Chat.Single().At, packed.View.Chat.Single(c => c.Text == "from json").At);
    }
}
