using System.IdentityModel.Tokens.Jwt;
using System.Net;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Identity;

public sealed class AuthorizationCodeFlowTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Discovery_advertises_code_flow_with_S256_only()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var json = await http.GetStringAsync("/.well-known/openid-configuration", TestContext.Current.CancellationToken);

        Assert.Contains("\"authorization_endpoint\": \"" + server.BaseAddress + "connect/authorize\"", json, StringComparison.Ordinal);
        Assert.Contains("\"S256\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"plain\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_with_PKCE_round_trip_yields_tokens_for_the_user_with_clinic_and_role()
    {
        using var tokens = server.NewTokenClient();

        var response = await tokens.SignInAsync(DemoAccounts.Patient(1), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(response.AccessToken);
        Assert.NotNull(response.RefreshToken);
        var idToken = new JwtSecurityTokenHandler().ReadJwtToken(response.IdToken);
        Assert.Equal(server.BaseAddress.ToString(), idToken.Issuer);
        Assert.Equal("patient", idToken.Claims.Single(c => c.Type == "role").Value);
        Assert.True(Guid.TryParse(idToken.Claims.Single(c => c.Type == "clinic_id").Value, out _));
    }

    [Fact]
    public async Task Missing_PKCE_is_refused()
    {
        using var browser = server.NewBrowser();

        var outcome = await TokenClient.AuthorizeAsync(browser, TokenClient.AuthorizeUrl(pkce: null), DemoAccounts.Patient(2), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains("error:invalid_request", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("'code_challenge' parameter is missing", outcome.Body, StringComparison.Ordinal);
        Assert.Null(outcome.Code);
    }

    [Fact]
    public async Task Plain_PKCE_is_refused()
    {
        using var browser = server.NewBrowser();

        var outcome = await TokenClient.AuthorizeAsync(browser, TokenClient.AuthorizeUrl(Pkce.New(), method: "plain"), DemoAccounts.Patient(2), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains("error:invalid_request", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method", outcome.Body, StringComparison.Ordinal);
        Assert.Null(outcome.Code);
    }
}
