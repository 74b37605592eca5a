using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using IopTelehealth.Contracts;

namespace IopTelehealth.Client.SignIn;

/// <summary>
/// A first-party tool speaking OAuth to the server as the public "iop-tools" client: sign in on the login page (with
/// its antiforgery token, and a TOTP code for staff), get a code from /connect/authorize (PKCE S256), redeem it,
/// refresh. Every token is real. Used by the load tool and the functional tests.
/// </summary>
public sealed class TokenClient : IDisposable
{
    public const string Scopes = FirstPartyTools.Scopes;

    private readonly HttpClient _http;

    public TokenClient(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseAddress;
    }

    public static string AuthorizeUrl(Pkce? pkce, string? method = "S256", string redirectUri = FirstPartyTools.RedirectUri,
        string clientId = FirstPartyTools.ClientId, string scope = Scopes)
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
    /// Signs in with a cookie-keeping client that does not follow redirects (<paramref name="browser"/>) and returns how
    /// /connect/authorize answered: a redirect to the client (code or error) or, for requests OpenIddict rejects before
    /// trusting the redirect URI, a 400 with the error in the body.
    /// </summary>
    public static async Task<AuthorizeOutcome> AuthorizeAsync(HttpClient browser, string authorizeUrl, string email, string password, string? totpSecret = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var response = await browser.GetAsync(new Uri(browser.BaseAddress!, authorizeUrl));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal))
        {
            var login = await PageAsync(browser, response);
            response = await PostFormAsync(browser, HtmlForm.Posting(login, "account/login").With("email", email).With("password", password));
            if (response.Headers.Location?.OriginalString.StartsWith("/account/mfa", StringComparison.Ordinal) == true)
            {
                var mfa = await PageAsync(browser, response);
                var code = TotpCodes.Now(totpSecret ?? throw new InvalidOperationException("The account asks for a TOTP code but no secret was given."));
                response = await PostFormAsync(browser, HtmlForm.Posting(mfa, "account/mfa").With("code", code));
            }

            // Back to /connect/authorize, which now answers with the redirect to the client.
            var next = response.Headers.Location ?? throw new InvalidOperationException($"Sign-in did not redirect: {(int)response.StatusCode}");
            response.Dispose();
            response = await browser.GetAsync(new Uri(browser.BaseAddress!, next));
        }

        using (response)
        {
            return new AuthorizeOutcome(response.StatusCode, response.Headers.Location, await response.Content.ReadAsStringAsync());
        }
    }

    public static string? QueryValue(Uri uri, string name)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
    }

    public Task<TokenResponse> RedeemAsync(string code, string? verifier, string redirectUri = FirstPartyTools.RedirectUri) =>
        PostAsync(new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = FirstPartyTools.ClientId,
            ["code_verifier"] = verifier,
        });

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        PostAsync(new Dictionary<string, string?> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = FirstPartyTools.ClientId });

    public Task<TokenResponse> ClientCredentialsAsync(string clientId, string secret, string scope = "iop_api") =>
        PostAsync(new Dictionary<string, string?> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope });

    /// <summary>The whole dance for a user: fresh cookie jar, sign in, code, tokens.</summary>
    public async Task<TokenResponse> SignInAsync(string email, string password, string? totpSecret = null)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = _http.BaseAddress };
        var pkce = Pkce.New();
        var outcome = await AuthorizeAsync(browser, AuthorizeUrl(pkce), email, password, totpSecret);
        var code = outcome.Code ?? throw new InvalidOperationException($"No code: {(int)outcome.Status} {outcome.Error}");
        return await RedeemAsync(code, pkce.Verifier);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> PageAsync(HttpClient browser, HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location!;
        redirect.Dispose();
        return await browser.GetStringAsync(new Uri(browser.BaseAddress!, location));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, HtmlForm form)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        return await browser.PostAsync(new Uri(browser.BaseAddress!, form.Action), content);
    }

    private async Task<TokenResponse> PostAsync(Dictionary<string, string?> form)
    {
        using var content = new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)));
        using var response = await _http.PostAsync("/connect/token", content);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? new TokenResponse();
        return body with { Status = response.StatusCode };
    }
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

    /// <summary>Seconds the access token is valid for, from the token response.</summary>
    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; init; }

    [JsonPropertyName("error")] public string? Error { get; init; }

    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }

    [JsonIgnore] public HttpStatusCode Status { get; init; }
}
