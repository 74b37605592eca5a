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

    public static async Task<RoomClient> ConnectAsAsync(this IopServer server, string email, bool messagePack = false, string? origin = null)
    {
        var token = await server.AccessTokenAsync(email);
        var client = new RoomClient(new RoomClientOptions
        {
            Servers = [server.BaseAddress],
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            UseMessagePack = messagePack,
            Origin = origin,
        });
        await client.StartAsync();
        return client;
    }

    /// <summary>A real access token through the code + PKCE flow (TOTP for staff), cached per server and account.</summary>
    public static async Task<string> AccessTokenAsync(this IopServer server, string email)
    {
        if (server.Tokens.TryGetValue(email, out var cached))
        {
            return cached;
        }

        using var tokens = server.NewTokenClient();
        var staff = email is DemoAccounts.Admin or DemoAccounts.Therapist or DemoAccounts.Staff;
        var response = await tokens.SignInAsync(email, DemoAccounts.Password, staff ? DemoAccounts.TotpSecret : null);
        var token = response.AccessToken ?? throw new InvalidOperationException($"No token for {email}: {response.Error}");
        server.Tokens[email] = token;
        return token;
    }

    /// <summary>The demo's "open now" session.</summary>
    public static Task<Guid> OpenSessionIdAsync(this IopServer server) =>
        server.WithDbAsync(db => db.Sessions.Where(s => s.Topic == DemoAccounts.DropInTopic).Select(s => s.Id).FirstAsync());
}
