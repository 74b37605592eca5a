using IopTelehealth.Client;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>The clinic's telehealth consent: asked before a patient's first join, stored with version and time, not asked again.</summary>
public sealed class ConsentTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task The_first_join_needs_the_current_consent_which_is_then_stored_and_not_asked_again()
    {
        var email = DemoAccounts.Patient(6);
        var sessionId = await server.NewSessionAsync();
        var patientId = await server.PatientIdAsync(email);
        await using var patient = await server.ConnectAsAsync(email);
        var withoutConsent = RoomParticipants.AtHome with { AcceptedConsentVersion = null };

        var prepared = await patient.PrepareJoin(sessionId);
        var missing = await Assert.ThrowsAsync<RoomCallException>(() => patient.JoinSession(sessionId, withoutConsent));
        var outdated = await Assert.ThrowsAsync<RoomCallException>(() => patient.JoinSession(sessionId, withoutConsent with { AcceptedConsentVersion = "1999-01" }));

        Assert.Equal(TelehealthConsentDefaults.Version, prepared.ConsentVersion);
        Assert.False(string.IsNullOrWhiteSpace(prepared.ConsentText));
        Assert.Equal("consent-required", missing.Code);
        Assert.Equal("consent-required", outdated.Code);
        Assert.Empty(await ConsentsAsync(patientId));
        Assert.Null(await server.StoredRoomAsync(sessionId));

        var before = DateTimeOffset.UtcNow;
        var joined = await patient.JoinSession(sessionId, RoomParticipants.AtHome);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal("lobby", joined.Admission);
        var consent = Assert.Single(await ConsentsAsync(patientId));
        Assert.Equal(TelehealthConsentDefaults.Version, consent.Version);
        Assert.InRange(consent.AcceptedAt, before.AddSeconds(-1), after.AddSeconds(1));

        await patient.LeaveSession();
        await using var nextTime = await server.ConnectAsAsync(email);
        var preparedAgain = await nextTime.PrepareJoin(sessionId);
        var rejoined = await nextTime.JoinSession(sessionId, withoutConsent);

        Assert.Null(preparedAgain.ConsentVersion);
        Assert.Null(preparedAgain.ConsentText);
        Assert.Equal("lobby", rejoined.Admission);
        Assert.Single(await ConsentsAsync(patientId));
    }

    private Task<List<Domain.People.TelehealthConsent>> ConsentsAsync(Guid patientId) =>
        server.WithDbAsync(db => db.TelehealthConsents.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync());
}
