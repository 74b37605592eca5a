using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;

namespace IopTelehealth.Server.Tests.Hybrid;

/// <summary>The server-rendered check-in pages through the web sign-in, as a browser without JavaScript uses them.</summary>
public sealed class CheckInPagesTests(HybridServer server) : IClassFixture<HybridServer>
{
    [Fact]
    public async Task The_front_desk_checks_a_patient_in_and_out_on_the_roster_page()
    {
        var sessionId = await server.NewSessionAsync();
        var patientId = await server.UserIdAsync(DemoAccounts.Patient(1));
        using var browser = server.NewBrowser();
        await browser.SignInAsync(DemoAccounts.Staff, DemoAccounts.Password, DemoAccounts.TotpSecret);

        var roster = await browser.GetAsync($"/sessions/{sessionId}/check-in");
        Assert.Equal(HttpStatusCode.OK, roster.Status);
        Assert.Contains($"data-patient-id=\"{patientId}\" data-status=\"absent\"", roster.Html, StringComparison.Ordinal);
        Assert.Contains("Sunrise", roster.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Alvarez", roster.Html, StringComparison.Ordinal);

        var checkedIn = await browser.SubmitAsync(HtmlForm.Posting(roster.Html, "check-in").With("Change", $"in:{patientId}"));

        Assert.Contains("Sunrise checked in.", checkedIn.Html, StringComparison.Ordinal);
        Assert.Contains($"data-patient-id=\"{patientId}\" data-status=\"in-clinic\"", checkedIn.Html, StringComparison.Ordinal);
        Assert.True((await server.StoredRoomAsync(sessionId))!.Participants.Single(p => p.DisplayName == "Sunrise").InClinic);

        var checkedOut = await browser.SubmitAsync(HtmlForm.Posting(checkedIn.Html, "check-in").With("Change", $"out:{patientId}"));

        Assert.Contains("Sunrise checked out.", checkedOut.Html, StringComparison.Ordinal);
        Assert.Contains($"data-patient-id=\"{patientId}\" data-status=\"absent\"", checkedOut.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patients_cannot_open_the_roster_page()
    {
        var sessionId = await server.NewSessionAsync();
        using var browser = server.NewBrowser();
        await browser.SignInAsync(DemoAccounts.Patient(2), DemoAccounts.Password);

        var page = await browser.GetAsync($"/sessions/{sessionId}/check-in");

        Assert.DoesNotContain("roster-row", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_opens_the_scanned_link_on_the_phone_and_checks_in_with_one_tap()
    {
        var sessionId = await server.NewSessionAsync();
        await using var therapist = await server.TherapistInAsync(sessionId);
        await using var device = await server.DeviceInRoomAsync(sessionId);
        var code = await (await server.ApiWithToken(await server.DeviceTokenAsync()).ApiGetAsync($"/api/sessions/{sessionId}/check-in/code")).ReadAsync<CheckInCodeDto>();
        using var phone = server.NewBrowser();
        await phone.SignInAsync(DemoAccounts.Patient(3), DemoAccounts.Password);

        var page = await phone.GetAsync(new Uri(code.Url).PathAndQuery);
        var done = await phone.SubmitAsync(HtmlForm.Posting(page.Html, "check-in?s="));

        Assert.Contains("You are checked in, Oak.", done.Html, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => therapist.View.Participants.Any(p => p.DisplayName == "Oak" && p.InClinic), "the therapist sees Oak in the clinic");

        var again = await phone.SubmitAsync(HtmlForm.Posting(page.Html, "check-in?s="));
        Assert.Contains("You already used this code", again.Html, StringComparison.Ordinal);
    }
}
