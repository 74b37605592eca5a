using System.Net;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Identity;

public sealed class ClientCredentialsTests(ClientCredentialsTests.Server server) : IClassFixture<ClientCredentialsTests.Server>
{
    /// <summary>A server whose configured service client is attached to a clinic id the test knows.</summary>
    public sealed class Server() : IopServer(new Dictionary<string, string?>
    {
        ["Identity:ServiceClients:0:ClinicId"] = ServiceClinicId.ToString(),
    })
    {
        public static readonly Guid ServiceClinicId = Guid.Parse("7d4c1f3e-1111-4a7b-9c2d-000000000001");
    }

    [Fact]
    public async Task A_service_client_gets_an_access_token_and_the_issuance_is_audited()
    {
        using var tokens = server.NewTokenClient();

        var response = await tokens.ClientCredentialsAsync(IopServer.ServiceClientId, IopServer.ServiceClientSecret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.AccessToken);
        Assert.Null(response.RefreshToken);
        var row = await server.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.ServiceTokenIssued && a.TargetId == IopServer.ServiceClientId));
        Assert.Equal(AuditOutcome.Success, row.Outcome);
        Assert.Equal(Server.ServiceClinicId, row.ClinicId);
        Assert.NotNull(row.IpAddress);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused()
    {
        using var tokens = server.NewTokenClient();

        var response = await tokens.ClientCredentialsAsync(IopServer.ServiceClientId, "wrong-secret-wrong-secret-wrong-secret");

        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task The_public_tools_client_cannot_use_client_credentials()
    {
        using var tokens = server.NewTokenClient();

        var response = await tokens.ClientCredentialsAsync("iop-tools", "anything-at-all-anything-at-all-0000");

        Assert.NotNull(response.Error);
        Assert.Null(response.AccessToken);
    }
}
