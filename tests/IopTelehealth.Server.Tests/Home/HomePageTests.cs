using System.Net;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Home;

/// <summary>The whole path without a browser: OIDC sign-in into the web session, then the server-rendered home page.</summary>
public sealed class HomePageTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task A_signed_in_patient_gets_their_group_and_upcoming_sessions_on_the_home_page()
    {
        using var browser = server.NewBrowser();

        var page = await browser.SignInAsync(DemoAccounts.Patient(4), DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/", page.Url.AbsolutePath);
        Assert.Contains("Hello, Harbor", page.Html, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.GroupName, page.Html, StringComparison.Ordinal);
        Assert.Contains("Upcoming sessions", page.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"session", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgan Patel", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_therapist_gets_todays_sessions_and_their_groups()
    {
        using var browser = server.NewBrowser();

        var page = await browser.SignInAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);

        Assert.Equal("/", page.Url.AbsolutePath);
        Assert.Contains("Welcome, Dr. Taylor Reed", page.Html, StringComparison.Ordinal);
        Assert.Matches("Today(&#x27;|')s sessions", page.Html);
        Assert.Contains("My groups", page.Html, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.GroupName, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Clinic administration", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_opening_an_admin_page_is_sent_to_the_no_access_page()
    {
        using var browser = server.NewBrowser();
        await browser.SignInAsync(DemoAccounts.Patient(5), DemoAccounts.Password);

        var page = await browser.GetAsync("/admin/patients");

        Assert.Equal("/forbidden", page.Url.AbsolutePath);
        Assert.Contains("No access", page.Html, StringComparison.Ordinal);
    }
}
