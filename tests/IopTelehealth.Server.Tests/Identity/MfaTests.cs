using System.IdentityModel.Tokens.Jwt;
using System.Text.RegularExpressions;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Users;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.Identity;

public sealed partial class MfaTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task A_therapist_is_asked_for_a_TOTP_code_and_gets_in_with_it()
    {
        using var browser = server.NewBrowser();

        var home = await browser.SignInAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);

        Assert.Contains(browser.Hops, h => h.AbsolutePath == "/account/mfa");
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.Contains(DemoAccounts.Therapist, home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_TOTP_code_keeps_the_therapist_out()
    {
        using var browser = server.NewBrowser();
        var login = await browser.GetAsync("/signin");
        var mfa = await browser.SubmitAsync(HtmlForm.Posting(login.Html, "account/login").With("email", DemoAccounts.Staff).With("password", DemoAccounts.Password));

        var answer = await browser.SubmitAsync(HtmlForm.Posting(mfa.Html, "account/mfa").With("code", WrongCode(DemoAccounts.TotpSecret)));
        var home = await browser.GetAsync("/");

        Assert.Equal("/account/mfa", answer.Url.AbsolutePath);
        Assert.Contains("That code did not work", answer.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Staff, home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_tokens_say_a_second_factor_was_used()
    {
        using var tokens = server.NewTokenClient();

        var response = await tokens.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpSecret);

        var idToken = new JwtSecurityTokenHandler().ReadJwtToken(response.IdToken);
        Assert.Equal("mfa", idToken.Claims.Single(c => c.Type == "amr").Value);
        Assert.Equal("admin", idToken.Claims.Single(c => c.Type == "role").Value);
    }

    [Fact]
    public async Task A_new_staff_member_must_enrol_with_the_QR_key_and_gets_recovery_codes_that_work_once()
    {
        var email = $"new-therapist-{Guid.NewGuid():N}@demo.test";
        await CreateStaffWithoutMfaAsync(email);
        using var browser = server.NewBrowser();
        var login = await browser.GetAsync("/signin");

        var enrol = await browser.SubmitAsync(HtmlForm.Posting(login.Html, "account/login").With("email", email).With("password", DemoAccounts.Password));
        Assert.Equal("/account/mfa/enroll", enrol.Url.AbsolutePath);
        Assert.Contains("<svg", enrol.Html, StringComparison.Ordinal);
        var key = KeyPattern().Match(enrol.Html).Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);

        var codesPage = await browser.SubmitAsync(HtmlForm.Posting(enrol.Html, "account/mfa/enroll").With("code", TotpCodes.Now(key)));
        var codes = CodePattern().Matches(codesPage.Html).Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(10, codes.Count);
        var continueUrl = ContinuePattern().Match(codesPage.Html).Groups["url"].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var home = await browser.GetAsync(continueUrl);
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.Contains(email, home.Html, StringComparison.Ordinal);
        Assert.True(await server.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.MfaEnrolled && a.Outcome == AuditOutcome.Success)));

        Assert.Equal("/", (await SignInWithRecoveryCodeAsync(email, codes[0])).Url.AbsolutePath);
        Assert.Equal("/account/recovery", (await SignInWithRecoveryCodeAsync(email, codes[0])).Url.AbsolutePath);
    }

    private async Task<Page> SignInWithRecoveryCodeAsync(string email, string code)
    {
        using var browser = server.NewBrowser();
        var login = await browser.GetAsync("/signin");
        var mfa = await browser.SubmitAsync(HtmlForm.Posting(login.Html, "account/login").With("email", email).With("password", DemoAccounts.Password));
        var recovery = await browser.GetAsync("/account/recovery?returnUrl=" + Uri.EscapeDataString(HtmlForm.Posting(mfa.Html, "account/mfa").Fields["returnUrl"]));
        return await browser.SubmitAsync(HtmlForm.Posting(recovery.Html, "account/recovery").With("code", code));
    }

    private async Task CreateStaffWithoutMfaAsync(string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clinicId = await server.WithDbAsync(db => db.Clinics.Select(c => c.Id).SingleAsync());
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, ClinicId = clinicId, CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Therapist)).Succeeded);
    }

    /// <summary>A six-digit code that is not valid in the current, previous or next time step.</summary>
    private static string WrongCode(string secret)
    {
        var now = TotpCodes.Now(secret);
        return ((int.Parse(now, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""data-testid="totp-key">(?<key>[a-z2-7 ]+)<""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("""<li><code>(?<code>[^<]+)</code></li>""")]
    private static partial Regex CodePattern();

    [GeneratedRegex("""<a class="button" href="(?<url>[^"]+)">""")]
    private static partial Regex ContinuePattern();
}
