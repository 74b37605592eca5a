using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The hybrid clinic in real browsers: the front desk's roster on a tablet checks a patient in and out while the therapist,
/// in the room page, sees the "In clinic" badge come and go; the clinic room's PC pairs by the device flow, shows the code,
/// and sends the room's camera and microphone to the therapist (and shows the therapist); a patient's phone that was in the room
/// when the front desk checked them in says so and offers no rejoin.
/// </summary>
public sealed class HybridCheckInTests(MeshAppFixture app) : IClassFixture<MeshAppFixture>
{
    private const string Alias = "Sunrise";

    [Fact]
    public async Task The_front_desk_checks_a_patient_in_on_the_tablet_roster_and_the_therapist_sees_the_in_clinic_badge()
    {
        var sessionId = await app.Server.NewSessionAsync();
        var therapist = await app.NewPageAsync();
        var desk = await app.NewPageAsync();
        await desk.SetViewportSizeAsync(1024, 768);
        // One after the other: two concurrent staff sign-ins on a cold server once outlasted the 15 s step timeout on this
        // shared 2-core machine (stuck before the TOTP page; cause not found, see the hybrid report).
        await therapist.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);
        await desk.SignInFromHomeAsync(DemoAccounts.Staff, DemoAccounts.Password, DemoAccounts.TotpSecret);
        await therapist.GotoAsync($"/sessions/{sessionId}/join");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Join the session" }).ClickAsync();
        await Expect(therapist.GetByRole(AriaRole.Heading, new() { Name = "Moderation" })).ToBeVisibleAsync();

        await desk.GotoAsync($"/sessions/{sessionId}/check-in");
        var row = desk.Locator("li.roster-row", new() { HasText = Alias });
        await Expect(row).ToContainTextAsync("Not here");
        await Expect(desk.Locator("li.roster-row")).ToHaveCountAsync(DemoAccounts.PatientCount);
        var checkIn = row.GetByRole(AriaRole.Button, new() { Name = $"Check in {Alias}" });
        var box = await checkIn.BoundingBoxAsync();
        Assert.True(box is { Height: >= 48, Width: >= 48 }, $"touch target {box?.Width}x{box?.Height}");
        await checkIn.ClickAsync();

        await Expect(desk.Locator("[data-testid=roster-notice]")).ToHaveTextAsync($"{Alias} checked in.");
        await Expect(row).ToContainTextAsync("In clinic");
        await desk.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"iop-roster-{sessionId:N}.png"), FullPage = true });
        var inRoom = therapist.Locator("ul.participant-list li", new() { HasText = Alias });
        await Expect(inRoom).ToContainTextAsync("In clinic");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Check out {Alias}" }).ClickAsync();
        await Expect(desk.Locator("[data-testid=roster-notice]")).ToHaveTextAsync($"{Alias} checked out.");
        await Expect(inRoom).ToHaveCountAsync(0);
        Assert.Empty(app.ConsoleErrors(desk));
        Assert.Empty(app.ConsoleErrors(therapist));
    }

    [Fact]
    public async Task A_patients_phone_in_the_room_says_they_are_checked_in_at_the_clinic_when_the_front_desk_checks_them_in()
    {
        const string phoneAlias = "River";
        var sessionId = await app.Server.NewSessionAsync();
        await using var therapist = await app.Server.TherapistInAsync(sessionId);
        var phone = await app.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.SignInFromHomeAsync(DemoAccounts.Patient(2), DemoAccounts.Password);
        await phone.GotoAsync($"/sessions/{sessionId}/join");
        await phone.AttestAndJoinAsync();
        await Expect(phone.Locator(".lobby-status")).ToContainTextAsync("Waiting for the therapist to admit you");
        await Eventually.TrueAsync(() => therapist.View.Lobby.Any(p => p.DisplayName == phoneAlias), "the therapist sees the phone in the lobby");
        await therapist.AdmitAll();
        await Expect(phone.Locator("#video-area")).ToBeVisibleAsync();

        // The patient walks into the clinic and the front desk checks them in (the tablet roster's own API call).
        using var desk = await app.Server.ApiAsAsync(DemoAccounts.Staff, DemoAccounts.Password, DemoAccounts.TotpSecret);
        var patientId = await app.Server.UserIdAsync(DemoAccounts.Patient(2));
        (await desk.ApiPostAsync($"/api/sessions/{sessionId}/check-in/patients/{patientId}", new { })).EnsureSuccessStatusCode();

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You're checked in at the clinic");
        await Expect(phone.Locator(".gone-reason")).ToContainTextAsync("Your attendance continues in person");
        await Expect(phone.GetByRole(AriaRole.Link, new() { Name = "Join again" })).ToHaveCountAsync(0);
        await Expect(phone.Locator("#video-area")).ToHaveCountAsync(0);
        await Eventually.TrueAsync(() => therapist.View.Participants.Any(p => p.DisplayName == phoneAlias && p.InClinic),
            "the therapist's room keeps the patient, now in the clinic");
        Assert.Empty(app.ConsoleErrors(phone));
    }

    [Fact]
    public async Task The_clinic_room_pc_pairs_with_a_code_staff_approve_then_shows_the_check_in_code_and_sends_the_room_camera_and_microphone()
    {
        var screen = await app.NewPageAsync();
        await screen.SetViewportSizeAsync(1280, 800);

        await screen.GotoAsync("/room-device");
        var userCode = await screen.Locator("[data-testid=user-code]").InnerTextAsync();
        await Expect(screen.Locator("[data-testid=verification-uri]")).ToHaveTextAsync($"{app.BaseAddress}connect/verify");
        var (staff, verification) = await app.Server.OpenVerificationAsync(userCode.Trim());
        using (staff)
        {
            await staff.DecideAsync(verification, "approve", await app.Server.DemoGroupIdAsync(), "Group room TV");
        }

        await Expect(screen.Locator("[data-testid=check-in-qr] svg")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(screen.Locator(".participant-list")).ToContainTextAsync("Group room TV");

        // The room's camera and TV: the therapist at home and the clinic room see and hear each other (mesh, embedded default).
        var deviceId = await screen.SelfIdAsync();
        var sessionId = await screen.Locator("#video-area").GetAttributeAsync("data-session-id");
        var therapist = await app.NewPageAsync();
        await therapist.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);
        await therapist.GotoAsync($"/sessions/{sessionId}/join");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Join the session" }).ClickAsync();
        var therapistId = await therapist.SelfIdAsync();
        await therapist.WaitForVideoAndAudioFromAsync([deviceId], TimeSpan.FromSeconds(20));
        await screen.WaitForVideoAndAudioFromAsync([therapistId], TimeSpan.FromSeconds(20));
        var deviceTile = therapist.Locator($"li.tile[data-participant-id='{deviceId}']");
        await Expect(deviceTile).ToContainTextAsync("Group room TV");
        await Expect(deviceTile.Locator(".no-video, .mic-off")).ToHaveCountAsync(0);
        Assert.Empty(app.ConsoleErrors(screen));
        Assert.Empty(app.ConsoleErrors(therapist));
    }
}
