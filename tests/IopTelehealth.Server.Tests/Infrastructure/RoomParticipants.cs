using System.Net;
using IopTelehealth.Client;
using IopTelehealth.Contracts.Rooms;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Server.Seeding;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>Intent helpers for room tests: a connected client for a demo account, the demo's open session, an attestation.</summary>
public static class RoomParticipants
{
    public static readonly AttestationDto AtHome = new("Home, Evanston", "IL", PrivateSpace: true, TelehealthConsentDefaults.Version);

    public static async Task<RoomClient> ConnectAsAsync(this IopServer server, string email, bool messagePack = false, string? origin = null) =>
        await ConnectAsync([server.BaseAddress], await server.AccessTokenAsync(email), messagePack, origin);

    /// <summary>A started client of <paramref name="servers"/> (reconnecting to the next one in turn) with a bearer token or cookies.</summary>
    public static async Task<RoomClient> ConnectAsync(IReadOnlyList<Uri> servers, string? token, bool messagePack = false, string? origin = null,
        CookieContainer? cookies = null)
    {
        var client = new RoomClient(new RoomClientOptions
        {
            Servers = servers,
            AccessTokenProvider = token is null ? null : () => Task.FromResult<string?>(token),
            UseMessagePack = messagePack,
            Origin = origin,
            Cookies = cookies,
        });
        try
        {
            await client.StartAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>A real access token through the code + PKCE flow (TOTP for staff), cached per server and account.</summary>
    public static async Task<string> AccessTokenAsync(this IopServer server, string email)
    {
        if (server.Tokens.TryGetValue(email, out var cached))
        {
            return cached;
        }

        var token = await SignInForTokenAsync(server.BaseAddress, email);
        server.Tokens[email] = token;
        return token;
    }

    /// <summary>Signs a demo account in at <paramref name="issuer"/> through the code + PKCE flow and returns its access token.</summary>
    public static async Task<string> SignInForTokenAsync(Uri issuer, string email, string? totpSecret = null)
    {
        using var tokens = new TokenClient(issuer);
        var staff = email is DemoAccounts.Admin or DemoAccounts.Therapist or DemoAccounts.Staff;
        var response = await tokens.SignInAsync(email, DemoAccounts.Password, totpSecret ?? (staff ? DemoAccounts.TotpSecret : null));
        return response.AccessToken ?? throw new InvalidOperationException($"No token for {email}: {response.Error}");
    }

    /// <summary>The demo's "open now" session.</summary>
    public static Task<Guid> OpenSessionIdAsync(this IopServer server) =>
        server.WithDbAsync(db => db.Sessions.Where(s => s.Topic == DemoAccounts.DropInTopic).Select(s => s.Id).FirstAsync());
}
