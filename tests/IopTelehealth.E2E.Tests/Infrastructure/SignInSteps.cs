using IopTelehealth.Client.SignIn;
using Microsoft.Playwright;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>What a person does on the identity server's pages, as intent methods for the tests.</summary>
public static class SignInSteps
{
    /// <summary>From the anonymous home page: click "Sign in", enter the account, answer the TOTP step when asked.</summary>
    public static async Task SignInFromHomeAsync(this IPage page, string email, string password, string? totpSecret = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/account/login**");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        if (totpSecret is not null)
        {
            await WhereItStoodAsync(page, () => page.WaitForURLAsync("**/account/mfa**"));
            await page.Locator("#code").FillAsync(TotpCodes.Now(totpSecret));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }

        // The code flow ends with the identity server's auto-posting form and the web session's redirect home.
        await WhereItStoodAsync(page, () => page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/" && !url.Contains("signin=failed", StringComparison.Ordinal)));
    }

    /// <summary>A wait that times out says which page the browser was on and what it showed.</summary>
    private static async Task WhereItStoodAsync(IPage page, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 2000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(unreadable)", TaskScheduler.Default);
            throw new TimeoutException($"Sign-in stood at {page.Url}, showing: {shown.ReplaceLineEndings(" | ")}", e);
        }
    }
}
