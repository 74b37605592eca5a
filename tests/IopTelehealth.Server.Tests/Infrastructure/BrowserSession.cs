using System.Net;

namespace IopTelehealth.Server.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client that follows redirects and auto-posting forms one hop at a time, like a browser
/// without JavaScript. Each hop is recorded so tests can assert on the path the flow took.
/// </summary>
public sealed class BrowserSession : IDisposable
{
    private readonly HttpClient _http;

    public BrowserSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = baseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public List<Uri> Hops { get; } = [];

    public HttpClient Http => _http;

    public async Task<Page> GetAsync(string url) => await FollowAsync(await _http.GetAsync(new Uri(_http.BaseAddress!, url)));

    public async Task<Page> SubmitAsync(HtmlForm form)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        var response = await _http.PostAsync(new Uri(_http.BaseAddress!, form.Action), content);
        return await FollowAsync(response);
    }

    /// <summary>GET one URL without following anything (to read a Location header).</summary>
    public Task<HttpResponseMessage> GetRawAsync(string url) => _http.GetAsync(new Uri(_http.BaseAddress!, url));

    /// <summary>Signs in to the web client through the whole OIDC flow, answering the TOTP step when asked.</summary>
    public async Task<Page> SignInAsync(string email, string password, string? totpSecret = null)
    {
        var page = await GetAsync("/signin");
        page = await SubmitAsync(HtmlForm.Posting(page.Html, "account/login").With("email", email).With("password", password));
        if (page.Url.AbsolutePath == "/account/mfa")
        {
            page = await SubmitAsync(HtmlForm.Posting(page.Html, "account/mfa").With("code", TotpCodes.Now(totpSecret
                ?? throw new InvalidOperationException("The account asks for a TOTP code but no secret was given."))));
        }

        return page;
    }

    public async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hop = 0; hop < 20; hop++)
        {
            var url = response.RequestMessage!.RequestUri!;
            Hops.Add(url);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                response = await _http.GetAsync(location.IsAbsoluteUri ? location : new Uri(url, location));
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            // OpenIddict's response_mode=form_post page posts itself with a script; do what the browser would.
            if (response.IsSuccessStatusCode && html.Contains("document.form.submit()", StringComparison.Ordinal))
            {
                var form = HtmlForm.All(html)[0];
                using var content = new FormUrlEncodedContent(form.Fields);
                response.Dispose();
                response = await _http.PostAsync(new Uri(url, form.Action), content);
                continue;
            }

            return new Page(url, response.StatusCode, html);
        }

        throw new InvalidOperationException("Too many redirects: " + string.Join(" -> ", Hops));
    }

    public void Dispose() => _http.Dispose();
}

public sealed record Page(Uri Url, HttpStatusCode Status, string Html);
