using IopTelehealth.Client;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>Who sees which chat line: group lines everyone admitted, private lines sender, addressee and the therapists only.</summary>
public sealed class ChatVisibilityTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Patients_never_see_each_others_private_lines_and_a_late_joiner_gets_the_group_chat_only()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var first = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(1));
        await using var second = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(2), messagePack: true);

        await first.SendChat("only for the therapist", therapist.View.SelfId);
        await therapist.SendChat("only for the second patient", second.View.SelfId);
        await first.SendChat("hello everyone", null);

        await Eventually.TrueAsync(() => therapist.View.Chat.Count == 3, "the therapist sees every line");
        await Eventually.TrueAsync(() => first.View.Chat.Any(c => c.Text == "hello everyone") && second.View.Chat.Any(c => c.Text == "hello everyone"),
            "both patients get the group line, sent last");
        Assert.Equal(["only for the therapist", "hello everyone"], first.View.Chat.Select(c => c.Text));
        Assert.Equal(["only for the second patient", "hello everyone"], second.View.Chat.Select(c => c.Text));
        Assert.All(therapist.View.Chat.Where(c => c.Text.StartsWith("only", StringComparison.Ordinal)), c => Assert.True(c.Private));

        await using var late = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(3));

        Assert.Equal(["hello everyone"], late.View.Chat.Select(c => c.Text));
    }

    [Fact]
    public async Task A_patient_cannot_write_privately_to_another_patient_and_the_refusal_is_audited()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var sender = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(4));
        await using var peer = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(5));
        var audited = (await server.DeniedAuditAsync(DemoAccounts.Patient(4), AuditActions.Forbidden)).Count;

        var refused = await Assert.ThrowsAsync<RoomCallException>(() => sender.SendChat("psst", peer.View.SelfId));

        Assert.Equal("forbidden", refused.Code);
        Assert.Empty(await server.StoredChatAsync(sessionId));
        var audit = await server.DeniedAuditAsync(DemoAccounts.Patient(4), AuditActions.Forbidden);
        Assert.Equal(audited + 1, audit.Count);
        Assert.Equal(("hub", "SendChat"), (audit[^1].TargetType, audit[^1].TargetId));
    }

    [Fact]
    public async Task A_line_has_1_to_2000_characters()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var patient = await server.AdmittedPatientAsync(sessionId, therapist, DemoAccounts.Patient(6));

        var tooLong = await Assert.ThrowsAsync<RoomCallException>(() => patient.SendChat(new string('a', 2001), null));
        var blank = await Assert.ThrowsAsync<RoomCallException>(() => patient.SendChat("   ", null));
        var unknownAddressee = await Assert.ThrowsAsync<RoomCallException>(() => patient.SendChat("hi", "0123456789ab"));

        Assert.Equal("invalid-argument", tooLong.Code);
        Assert.Equal("invalid-argument", blank.Code);
        Assert.Equal("participant-not-found", unknownAddressee.Code);
        Assert.Empty(await server.StoredChatAsync(sessionId));

        await patient.SendChat(new string('b', 2000), null);

        await Eventually.TrueAsync(() => therapist.View.Chat.Count == 1, "the longest allowed line arrives");
        Assert.Equal(2000, therapist.View.Chat[0].Text.Length);
        Assert.Single(await server.StoredChatAsync(sessionId));
    }
}
