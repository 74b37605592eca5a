using System.Net;
using System.Net.Http.Headers;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Rooms;

/// <summary>Who may open the hub at all: bearer token or web session cookie, from the issuer's origin (or no browser origin), of the session's clinic.</summary>
public sealed class HandshakeTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string ForeignOrigin = "http://evil.example";

    private string IssuerOrigin => server.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_foreign_browser_origin_gets_403_at_the_handshake_and_the_issuers_origin_or_none_passes()
    {
        var token = await server.AccessTokenAsync(DemoAccounts.Patient(1));

        var foreign = await Assert.ThrowsAnyAsync<Exception>(() => RoomParticipants.ConnectAsync([server.BaseAddress], token, origin: ForeignOrigin));
        await using var sameOrigin = await RoomParticipants.ConnectAsync([server.BaseAddress], token, origin: IssuerOrigin);
        await using var noOrigin = await RoomParticipants.ConnectAsync([server.BaseAddress], token);

        Assert.Contains("403", foreign.Message, StringComparison.Ordinal);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, sameOrigin.State);
        Assert.Equal("scheduled", (await noOrigin.PrepareJoin(await server.NewSessionAsync(TimeSpan.FromHours(3)))).Phase);

        using var negotiate = await NegotiateAsync(token, ForeignOrigin);
        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
        Assert.Contains("origin-not-allowed", await negotiate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_or_cookie_the_handshake_answers_401()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => RoomParticipants.ConnectAsync([server.BaseAddress], token: null));
        using var negotiate = await NegotiateAsync(token: null, origin: null);

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task The_web_session_cookie_authenticates_the_hub_from_the_issuers_origin_only()
    {
        var sessionId = await server.NewSessionAsync();
        using var browser = server.NewBrowser();
        await browser.SignInAsync(DemoAccounts.Patient(2), DemoAccounts.Password);

        await using var room = await RoomParticipants.ConnectAsync([server.BaseAddress], token: null, origin: IssuerOrigin, cookies: browser.Cookies);
        var joined = await room.JoinSession(sessionId, RoomParticipants.AtHome);
        var hijack = await Assert.ThrowsAnyAsync<Exception>(() => RoomParticipants.ConnectAsync([server.BaseAddress], token: null, origin: ForeignOrigin, cookies: browser.Cookies));

        Assert.Equal("lobby", joined.Admission);
        Assert.Equal("River", (await server.StoredRoomAsync(sessionId))!.Find(new(joined.ParticipantId))!.DisplayName);
        Assert.Contains("403", hijack.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_clinics_user_finds_no_session_and_the_attempt_is_audited()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        var other = await OtherClinic.ArrangeAsync(server);
        var token = await RoomParticipants.SignInForTokenAsync(server.BaseAddress, other.AdminEmail, other.TotpSecret);
        await using var outsider = await RoomParticipants.ConnectAsync([server.BaseAddress], token);
        var version = await server.RoomVersionAsync(sessionId);

        var join = await Assert.ThrowsAsync<RoomCallException>(() => outsider.JoinSession(sessionId, null));
        var prepare = await Assert.ThrowsAsync<RoomCallException>(() => outsider.PrepareJoin(sessionId));
        var open = await Assert.ThrowsAsync<RoomCallException>(() => outsider.OpenSession(sessionId));

        Assert.Equal(["session-not-found", "session-not-found", "session-not-found"], new[] { join.Code, prepare.Code, open.Code });
        Assert.Equal(version, await server.RoomVersionAsync(sessionId));
        Assert.Single(therapist.View.Participants);
        var audit = await server.DeniedAuditAsync(other.AdminEmail, AuditActions.CrossClinicAccess);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, a =>
        {
            Assert.Equal(("session", sessionId.ToString("N")), (a.TargetType, a.TargetId));
            Assert.Equal(other.ClinicId, a.ClinicId);
        });
    }

    /// <summary>The negotiate request a browser SignalR client sends first, with or without a token and an Origin.</summary>
    private async Task<HttpResponseMessage> NegotiateAsync(string? token, string? origin)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{RoomProtocol.HubPath}/negotiate?negotiateVersion=1");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
