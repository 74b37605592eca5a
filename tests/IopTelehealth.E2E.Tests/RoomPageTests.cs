using System.Diagnostics;
using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.Server.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The room page in two real browsers on one server: the WebAssembly client talks to the hub over the browser's own
/// WebSocket with the web session cookie. Every wait is a Playwright assertion polling the DOM; there are no sleeps.
/// </summary>
public sealed class RoomPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Alias = "Oak";

    [Fact]
    public async Task A_patient_waits_in_the_lobby_is_admitted_chats_raises_a_hand_asks_for_help_is_muted_and_is_removed()
    {
        var clock = Stopwatch.StartNew();
        var therapist = await app.NewPageAsync();
        var patient = await app.NewPageAsync();
        await Task.WhenAll(
            therapist.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret),
            patient.SignInFromHomeAsync(DemoAccounts.Patient(3), DemoAccounts.Password));

        // The therapist enters first and sees an empty waiting room.
        await therapist.OpenDropInSessionFromHomeAsync();
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Join the session" }).ClickAsync();
        await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Moderation" })).ToBeVisibleAsync();
        await Expect(therapist.Locator(".lobby-panel")).ToContainTextAsync("Nobody is waiting.");

        // The patient attests and waits in the lobby.
        await patient.OpenDropInSessionFromHomeAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DemoAccounts.GroupName);
        await patient.AttestAndJoinAsync();
        await Expect(patient.Locator(".lobby-status")).ToContainTextAsync("Waiting for the therapist to admit you");

        // Admitted from the therapist's lobby panel, with the attested state shown.
        var waiting = therapist.Locator("li.lobby-entry", new() { HasText = Alias });
        await Expect(waiting).ToContainTextAsync("in IL");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Admit" }).ClickAsync();
        await Expect(patient.Locator("#video-area")).ToBeVisibleAsync();
        await Expect(patient.Locator("ul.participant-list")).ToContainTextAsync("Therapist");
        await Expect(therapist.Locator("ul.participant-list")).ToContainTextAsync(Alias);

        // Chat both ways.
        await patient.SendChatAsync("Hello from Oak");
        await Expect(therapist.Locator("ol.chat-lines")).ToContainTextAsync("Hello from Oak");

        // The hand queue.
        await patient.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" }).ClickAsync();
        await Expect(therapist.Locator("ol.hand-queue")).ToContainTextAsync(Alias);
        await Expect(therapist.Locator("ul.participant-list li", new() { HasText = Alias })).ToContainTextAsync("Hand raised");

        // A private help request reaches the therapist with the attested location and the emergency contact.
        await patient.GetByRole(AriaRole.Button, new() { Name = "I need help" }).ClickAsync();
        await patient.GetByLabel("Tell your therapist what is going on (optional)").FillAsync("I need to talk after group");
        await patient.GetByRole(AriaRole.Button, new() { Name = "Alert my therapist" }).ClickAsync();
        var alert = therapist.Locator(".help-alert", new() { HasText = Alias });
        await Expect(alert).ToContainTextAsync("I need to talk after group");
        await Expect(alert.Locator(".location")).ToHaveTextAsync("Home, Evanston (IL)");
        await Expect(alert.Locator(".contact")).ToContainTextAsync("Pat Thompson");

        // Muted by the therapist: the patient's microphone toggle is disabled, with the reason.
        await therapist.ModerationRow(Alias).GetByRole(AriaRole.Button, new() { Name = "Mute" }).ClickAsync();
        await Expect(patient.Locator("button.toggle.mic")).ToBeDisabledAsync();
        await Expect(patient.Locator("#mic-reason")).ToHaveTextAsync("The therapist muted you. You can unmute when the therapist allows it.");
        await Expect(therapist.Locator("ul.participant-list li", new() { HasText = Alias })).ToContainTextAsync("Muted by therapist");

        // Removed: the patient's page says so, and the therapist's room no longer lists them.
        await therapist.ModerationRow(Alias).GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await therapist.ModerationRow(Alias).Locator("button.confirm-remove").ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You were removed from the session");
        await Expect(therapist.Locator("ul.participant-list")).Not.ToContainTextAsync(Alias);

        Assert.Empty(app.ConsoleErrors(therapist));
        Assert.Empty(app.ConsoleErrors(patient));
        TestContext.Current.TestOutputHelper?.WriteLine($"Room page flow (two browsers, sign-in included): {clock.Elapsed.TotalSeconds:F1} s");
    }
}
