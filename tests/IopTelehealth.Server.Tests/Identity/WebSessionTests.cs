using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using IopTelehealth.Server.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Tests.Identity;

public sealed class WebSessionTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Sign_out_ends_the_web_session_and_the_identity_server_session()
    {
        using var browser = server.NewBrowser();
        var home = await browser.SignInAsync(DemoAccounts.Patient(1), DemoAccounts.Password);
        Assert.Contains(DemoAccounts.Patient(1), home.Html, StringComparison.Ordinal);

        var afterSignOut = await browser.SubmitAsync(HtmlForm.Posting(home.Html, "signout"));
        var again = await browser.GetAsync("/signin");

        Assert.Contains(browser.Hops, h => h.AbsolutePath == "/connect/logout");
        Assert.Equal("/", afterSignOut.Url.AbsolutePath);
        Assert.DoesNotContain(DemoAccounts.Patient(1), afterSignOut.Html, StringComparison.Ordinal);
        // Without the identity server session the next sign-in asks for the password again.
        Assert.Equal("/account/login", again.Url.AbsolutePath);
        Assert.True(await server.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignOut)));
    }

    [Fact]
    public async Task Sign_out_without_the_page_token_is_refused()
    {
        using var browser = server.NewBrowser();
        await browser.SignInAsync(DemoAccounts.Patient(2), DemoAccounts.Password);

        using var content = new FormUrlEncodedContent([]);
        using var response = await browser.Http.PostAsync("/signout", content, TestContext.Current.CancellationToken);
        var home = await browser.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(DemoAccounts.Patient(2), home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_and_identity_sessions_expire_after_15_idle_minutes()
    {
        var cookies = server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        foreach (var scheme in new[] { WebAuthentication.CookieScheme, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme })
        {
            var options = cookies.Get(scheme);
            Assert.Equal(TimeSpan.FromMinutes(15), options.ExpireTimeSpan);
            Assert.True(options.SlidingExpiration);
            Assert.True(options.Cookie.HttpOnly);
        }
    }

    [Fact]
    public async Task The_session_cookie_carries_no_tokens()
    {
        using var browser = server.NewBrowser();
        await browser.SignInAsync(DemoAccounts.Patient(3), DemoAccounts.Password);

        var session = browser.Cookies.GetCookies(server.BaseAddress).Single(c => c.Name == "iop.session");

        // The ticket (with the access and refresh tokens) stays in the server-side store; the cookie is a reference.
        Assert.True(session.Value.Length < 1024, $"session cookie is {session.Value.Length} characters");
    }
}
