using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.Server.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

public sealed class SignInTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_demo_patient_signs_in_and_sees_their_group_and_upcoming_sessions()
    {
        var page = await app.NewPageAsync();

        await page.SignInFromHomeAsync(DemoAccounts.Patient(1), DemoAccounts.Password);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Sunrise");
        await Expect(page.Locator("ul.groups")).ToContainTextAsync(DemoAccounts.GroupName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming sessions" })).ToBeVisibleAsync();
        var sessions = page.Locator("ol.sessions li.session");
        await Expect(sessions.First).ToBeVisibleAsync();
        Assert.True(await sessions.CountAsync() >= 2, "The demo group meets three times a week, plus the drop-in session.");
        await Expect(sessions.First.Locator(".time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,2}:\d{2} [AP]M – \d{1,2}:\d{2} [AP]M$"));
        await Expect(page.Locator("ol.sessions")).ToContainTextAsync(DemoAccounts.DropInTopic);
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task The_demo_therapist_signs_in_with_a_totp_code_and_sees_today_and_their_groups()
    {
        var page = await app.NewPageAsync();

        await page.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Dr. Taylor Reed");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today's sessions" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.groups")).ToContainTextAsync(DemoAccounts.GroupName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Security" })).ToBeVisibleAsync();
        await Expect(page.Locator("nav.admin")).ToHaveCountAsync(0);
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task The_demo_admin_signs_in_with_a_totp_code_and_gets_the_clinic_home()
    {
        var page = await app.NewPageAsync();

        await page.SignInFromHomeAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpSecret);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welcome, Alex Morgan");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Clinic administration" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Clinic records" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(6);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today in the clinic" })).ToBeVisibleAsync();
        await Expect(page.Locator("ul.groups")).ToContainTextAsync(DemoAccounts.GroupName);
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task Signing_out_returns_to_the_anonymous_home_and_ends_the_identity_session_too()
    {
        var page = await app.NewPageAsync();
        await page.SignInFromHomeAsync(DemoAccounts.Patient(2), DemoAccounts.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, River");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("IopTelehealth");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        // Signing in again must ask for the password: the identity server's own session ended with the web session.
        await page.GotoAsync("/signin");
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
    }
}
