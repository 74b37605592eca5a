using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Users;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.Identity;

public sealed class LockoutTests(LockoutTests.Server server) : IClassFixture<LockoutTests.Server>
{
    /// <summary>The production rule (5 failures) with a 3-second window so recovery can be observed in a test.</summary>
    public sealed class Server() : IopServer(new Dictionary<string, string?> { ["Identity:LockoutWindow"] = "00:00:03" });

    private const string FailedMessage = "Sign-in failed. Check your e-mail and password.";

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_the_same_answer()
    {
        var unknown = await TryPasswordAsync("nobody@demo.test", DemoAccounts.Password);
        var wrong = await TryPasswordAsync(DemoAccounts.Patient(7), "not-the-password-at-all");

        Assert.Equal("/account/login", unknown.Url.AbsolutePath);
        Assert.Equal("/account/login", wrong.Url.AbsolutePath);
        Assert.Contains(FailedMessage, unknown.Html, StringComparison.Ordinal);
        Assert.Equal(ErrorOf(unknown.Html), ErrorOf(wrong.Html));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_with_the_same_answer_and_the_window_ends_it()
    {
        var email = DemoAccounts.Patient(8);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await TryPasswordAsync(email, $"wrong-password-number-{attempt}");
            Assert.Contains(FailedMessage, failed.Html, StringComparison.Ordinal);
        }

        var lockoutEnd = await server.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        var whileLocked = await TryPasswordAsync(email, DemoAccounts.Password);

        Assert.NotNull(lockoutEnd);
        Assert.Equal("/account/login", whileLocked.Url.AbsolutePath);
        Assert.Contains(FailedMessage, whileLocked.Html, StringComparison.Ordinal);
        var audit = await server.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.LockedOut).ToListAsync());
        Assert.Single(audit);
        Assert.Equal(AuditOutcome.Failure, audit[0].Outcome);

        // Wait out the configured window itself: it is the behaviour under test, not a synchronisation.
        var remaining = lockoutEnd.Value - DateTimeOffset.UtcNow;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        var afterWindow = await TryPasswordAsync(email, DemoAccounts.Password);
        Assert.Equal("/", afterWindow.Url.AbsolutePath);
        Assert.Contains("patient8@demo.test", afterWindow.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_and_successes_are_audited_without_the_password()
    {
        await TryPasswordAsync(DemoAccounts.Patient(6), "Guessed-Password-123!");
        await TryPasswordAsync(DemoAccounts.Patient(6), DemoAccounts.Password);

        var rows = await server.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SignIn).ToListAsync());
        var userId = await server.WithDbAsync(db => db.Set<AppUser>().Where(u => u.Email == DemoAccounts.Patient(6)).Select(u => u.Id).SingleAsync());
        Assert.Contains(rows, r => r.UserId == userId && r.Outcome == AuditOutcome.Failure && r.Detail == "bad-credentials");
        Assert.Contains(rows, r => r.UserId == userId && r.Outcome == AuditOutcome.Success);
        Assert.DoesNotContain(rows, r => (r.Detail ?? "").Contains("Guessed", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.NotNull(r.IpAddress));
    }

    private async Task<Page> TryPasswordAsync(string email, string password)
    {
        using var browser = server.NewBrowser();
        var login = await browser.GetAsync("/signin");
        return await browser.SubmitAsync(HtmlForm.Posting(login.Html, "account/login").With("email", email).With("password", password));
    }

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }
}
