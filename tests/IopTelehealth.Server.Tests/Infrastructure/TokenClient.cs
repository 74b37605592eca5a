using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using IopTelehealth.Identity.Clients;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// A first-party tool speaking OAuth to the server as the public "iop-tools" client: sign in on the login page,
/// get a code from /connect/authorize (PKCE S256), redeem it, refresh. Every token is real.
/// </summary>
public sealed class TokenClient(Uri baseAddress) : IDisposable
{
    public const string Scopes = "openid profile email roles offline_access iop_api";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public static string AuthorizeUrl(Pkce? pkce, string? method = "S256", string redirectUri = FirstPartyClients.ToolsRedirectUri,
        string clientId = FirstPartyClients.Tools, string scope = Scopes)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = pkce is null ? null : method == "plain" ? pkce.Verifier : pkce.Challenge,
            ["code_challenge_method"] = pkce is null ? null : method,
        };
        return "/connect/authorize?" + string.Join('&', query.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }

    /// <summary>
    /// Signs in with the browser and returns how /connect/authorize answered: a redirect to the client (code or error)
    /// or, for requests OpenIddict rejects before trusting the redirect URI, a 400 with the error in the body.
    /// </summary>
    public static async Task<AuthorizeOutcome> AuthorizeAsync(BrowserSession browser, string authorizeUrl, string email, string password, string? totpSecret = null)
    {
        var response = await browser.GetRawAsync(authorizeUrl);
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal))
        {
            var login = await browser.FollowAsync(response);
            var form = HtmlForm.Posting(login.Html, "account/login").With("email", email).With("password", password);
            using var content = new FormUrlEncodedContent(form.Fields);
            response = await browser.Http.PostAsync(new Uri(browser.BaseAddress, form.Action), content);
            if (response.Headers.Location?.OriginalString.StartsWith("/account/mfa", StringComparison.Ordinal) == true)
            {
                var mfa = await browser.FollowAsync(response);
                var code = HtmlForm.Posting(mfa.Html, "account/mfa").With("code", TotpCodes.Now(totpSecret!));
                using var mfaContent = new FormUrlEncodedContent(code.Fields);
                response = await browser.Http.PostAsync(new Uri(browser.BaseAddress, code.Action), mfaContent);
            }

            // Back to /connect/authorize, which now answers with the redirect to the client.
            response = await browser.GetRawAsync(response.Headers.Location!.OriginalString);
        }

        return new AuthorizeOutcome(response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
    }

    public static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    public Task<TokenResponse> RedeemAsync(string code, string? verifier, string redirectUri = FirstPartyClients.ToolsRedirectUri) =>
        PostAsync(new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = FirstPartyClients.Tools,
            ["code_verifier"] = verifier,
        });

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        PostAsync(new Dictionary<string, string?> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = FirstPartyClients.Tools });

    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret, string scope = "iop_api") =>
        PostAsync(new Dictionary<string, string?> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope });

    /// <summary>The whole dance for a user: fresh browser, sign in, code, tokens.</summary>
    public async Task<TokenResponse> SignInAsync(string email, string password, string? totpSecret = null)
    {
        using var browser = new BrowserSession(_http.BaseAddress!);
        var pkce = Pkce.New();
        var outcome = await AuthorizeAsync(browser, AuthorizeUrl(pkce), email, password, totpSecret);
        var code = outcome.Code ?? throw new InvalidOperationException($"No code: {(int)outcome.Status} {outcome.Redirect} {outcome.Body}");
        return await RedeemAsync(code, pkce.Verifier);
    }

    private async Task<TokenResponse> PostAsync(Dictionary<string, string?> form)
    {
        using var content = new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
        using var response = await _http.PostAsync("/connect/token", content);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? new TokenResponse();
        return body with { Status = response.StatusCode };
    }

    public void Dispose() => _http.Dispose();
}

public sealed record AuthorizeOutcome(HttpStatusCode Status, Uri? Redirect, string Body)
{
    public string? Code => Redirect is null ? null : TokenClient.QueryValue(Redirect, "code");

    public string? Error => Redirect is null ? null : TokenClient.QueryValue(Redirect, "error");
}

public sealed record TokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }

    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }

    [JsonPropertyName("id_token")] public string? IdToken { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }

    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }

    [JsonIgnore] public HttpStatusCode Status { get; init; }
}
