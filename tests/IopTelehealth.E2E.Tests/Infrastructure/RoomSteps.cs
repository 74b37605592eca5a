using IopTelehealth.Server.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests.Infrastructure;

/// <summary>What people do on the room page, as intent methods for the browser tests.</summary>
public static class RoomSteps
{
    /// <summary>From the signed-in home page: the "Join" link of the demo's session that is open now.</summary>
    public static async Task OpenDropInSessionFromHomeAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var card = page.Locator("li.session", new() { HasText = DemoAccounts.DropInTopic });
        await card.GetByRole(AriaRole.Link, new() { Name = "Join" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*/join");
    }

    /// <summary>The pre-join form as a patient fills it: location, state, private space, and the consent when asked.</summary>
    public static async Task AttestAndJoinAsync(this IPage page, string location = "Home, Evanston", string stateName = "Illinois")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Where are you right now?").FillAsync(location);
        await page.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = stateName });
        await page.GetByLabel("I am in a private space").CheckAsync();
        if (await page.Locator("#consent").CountAsync() > 0)
        {
            await page.GetByLabel("I have read and accept the telehealth consent").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
    }

    /// <summary>A moderator's row in the moderation panel's participant list.</summary>
    public static ILocator ModerationRow(this IPage page, string alias) =>
        page.Locator("ul.moderate-participants li", new() { HasText = alias });

    public static async Task SendChatAsync(this IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Message").FillAsync(text);
        await page.Locator("form.chat-form").GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator("ol.chat-lines")).ToContainTextAsync(text);
    }
}
