using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.Server.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The admin pages against the real clinic services: static forms posted by a real browser, so the form binding of
/// checkbox lists, selects and the topics textarea is exercised as well as the server's field errors.
/// </summary>
public sealed class AdminPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_program_is_validated_in_the_form_then_by_the_server_then_created()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/programs");
        await Expect(page.Locator("tbody")).ToContainTextAsync(DemoAccounts.ProgramName);

        await page.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        await SaveAsync(page);
        await Expect(page.Locator("#name ~ .validation-message").First).ToHaveTextAsync("The Name field is required.");
        await page.Locator("#name").FillAsync(DemoAccounts.ProgramName);
        await SaveAsync(page);
        await Expect(page.Locator("#name ~ .validation-message").First).ToHaveTextAsync("The clinic already has a program with this name.");
        await page.Locator("#name").FillAsync("Morning IOP");
        await SaveAsync(page);

        await page.WaitForURLAsync("**/admin/programs");
        await Expect(page.Locator("tbody")).ToContainTextAsync("Morning IOP");
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task A_group_with_a_checked_therapist_gets_a_schedule_with_checked_days_and_topics()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/groups/new");
        await page.Locator("#program").SelectOptionAsync(new SelectOptionValue { Label = DemoAccounts.ProgramName });
        await page.Locator("#name").FillAsync("Morning Group");
        await page.GetByLabel("Dr. Taylor Reed").CheckAsync();
        await SaveAsync(page);
        await page.WaitForURLAsync("**/admin/groups");
        await Expect(page.Locator("tbody tr", new() { HasText = "Morning Group" })).ToContainTextAsync("Dr. Taylor Reed");

        await page.GotoAsync("/admin/schedules/new");
        await SaveAsync(page);
        await Expect(page.Locator("fieldset.days ~ .validation-message").First).ToHaveTextAsync("Pick at least one day.");
        await page.Locator("#group").SelectOptionAsync(new SelectOptionValue { Label = "Morning Group" });
        await page.Locator("#day-Tuesday").CheckAsync();
        await page.Locator("#day-Friday").CheckAsync();
        await page.Locator("#start-time").FillAsync("09:00");
        await page.Locator("#start-date").FillAsync("2026-12-01");
        await page.Locator("#end-date").FillAsync("2027-02-26");
        await page.Locator("#topics").FillAsync("Check-in\nMindfulness");
        await SaveAsync(page);

        await page.WaitForURLAsync("**/admin/schedules");
        var row = page.Locator("tbody tr", new() { HasText = "Morning Group" });
        await Expect(row).ToContainTextAsync("Tue, Fri");
        await Expect(row).ToContainTextAsync("9:00 AM for 180 min");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#topics")).ToHaveValueAsync("Check-in\nMindfulness");
        await Expect(page.Locator("#day-Friday")).ToBeCheckedAsync();
        await Expect(page.Locator("#day-Monday")).Not.ToBeCheckedAsync();
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task A_new_patient_gets_an_invite_link_and_an_enrollment_and_a_therapists_mfa_can_be_reset()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/admin/patients/new");
        await page.Locator("#email").FillAsync("new.patient@demo.test");
        await page.Locator("#legal-name").FillAsync("Pat Example");
        await page.Locator("#alias").FillAsync("Pat Example");
        await page.Locator("#contact-name").FillAsync("Sam Example");
        await page.Locator("#contact-phone").FillAsync("+1-312-555-0177");
        await SaveAsync(page);
        await Expect(page.Locator("#alias ~ .validation-message").First).ToContainTextAsync("must differ from the legal name");
        await page.Locator("#alias").FillAsync("Willow");
        await SaveAsync(page);

        await page.WaitForURLAsync("**/admin/patients/*");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue invite link" }).ClickAsync();
        await Expect(page.Locator("#invite-link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + app.BaseAddress + "account/invite\\?"));

        await page.GotoAsync("/admin/enrollments/new");
        await page.Locator("#patient").SelectOptionAsync(new SelectOptionValue { Label = "Pat Example (Willow)" });
        await page.Locator("#group").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#start-date").FillAsync("2026-12-01");
        await SaveAsync(page);
        await page.WaitForURLAsync("**/admin/enrollments");
        await Expect(page.Locator("tbody tr", new() { HasText = "Pat Example" })).ToContainTextAsync("active");

        await page.GotoAsync("/admin/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dr. Taylor Reed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset two-step verification" }).ClickAsync();
        await Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("was reset");
        Assert.Empty(app.ConsoleErrors(page));
    }

    private async Task<IPage> SignedInAdminAsync()
    {
        var page = await app.NewPageAsync();
        await page.SignInFromHomeAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpSecret);
        return page;
    }

    private static Task SaveAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
}
