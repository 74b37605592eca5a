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

        var outcome = await TokenClient.AuthorizeAsync(browser.Http, TokenClient.AuthorizeUrl(pkce: null), DemoAccounts.Patient(2), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains("error:invalid_request", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("'code_challenge' parameter is missing", outcome.Body, StringComparison.Ordinal);
        Assert.Null(outcome.Code);
    }

    [Fact]
    public async Task Plain_PKCE_is_refused()
    {
        using var browser = server.NewBrowser();

        var outcome = await TokenClient.AuthorizeAsync(browser.Http, TokenClient.AuthorizeUrl(Pkce.New(), method: "plain"), DemoAccounts.Patient(2), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains("error:invalid_request", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method", outcome.Body, StringComparison.Ordinal);
        Assert.Null(outcome.Code);
    }

    [Theory]
    [InlineData("http://127.0.0.1/oauth/callback/")]
    [InlineData("http://127.0.0.1/oauth/callbacks")]
    [InlineData("http://127.0.0.1:80/oauth/Callback")]
    [InlineData("http://localhost/oauth/callback")]
    public async Task Redirect_uri_that_differs_in_any_character_is_refused(string redirectUri)
    {
        using var browser = server.NewBrowser();

        var outcome = await TokenClient.AuthorizeAsync(browser.Http, TokenClient.AuthorizeUrl(Pkce.New(), redirectUri: redirectUri), DemoAccounts.Patient(3), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Contains("redirect_uri", outcome.Body, StringComparison.Ordinal);
        Assert.Null(outcome.Redirect);
    }

    [Fact]
    public async Task A_code_redeemed_once_is_refused_the_second_time()
    {
        using var browser = server.NewBrowser();
        using var tokens = server.NewTokenClient();
        var pkce = Pkce.New();
        var outcome = await TokenClient.AuthorizeAsync(browser.Http, TokenClient.AuthorizeUrl(pkce), DemoAccounts.Patient(4), DemoAccounts.Password);

        var first = await tokens.RedeemAsync(outcome.Code!, pkce.Verifier);
        var second = await tokens.RedeemAsync(outcome.Code!, pkce.Verifier);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("invalid_grant", second.Error);
        Assert.Null(second.AccessToken);
    }

    [Fact]
    public async Task A_code_with_the_wrong_verifier_is_refused()
    {
        using var browser = server.NewBrowser();
        using var tokens = server.NewTokenClient();
        var outcome = await TokenClient.AuthorizeAsync(browser.Http, TokenClient.AuthorizeUrl(Pkce.New()), DemoAccounts.Patient(4), DemoAccounts.Password);

        var response = await tokens.RedeemAsync(outcome.Code!, Pkce.New().Verifier);

        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_reuse_of_a_rotated_token_revokes_the_family()
    {
        using var tokens = server.NewTokenClient();
        var initial = await tokens.SignInAsync(DemoAccounts.Patient(5), DemoAccounts.Password);

        var rotated = await tokens.RefreshAsync(initial.RefreshToken!);
        var replay = await tokens.RefreshAsync(initial.RefreshToken!);
        var afterReplay = await tokens.RefreshAsync(rotated.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        Assert.NotEqual(initial.RefreshToken, rotated.RefreshToken);
        Assert.Equal("invalid_grant", replay.Error);
        // The legitimate holder's newest token dies with the family: a leaked token cannot keep a session alive.
        Assert.Equal("invalid_grant", afterReplay.Error);
    }
}
