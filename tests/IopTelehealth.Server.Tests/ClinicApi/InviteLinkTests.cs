using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Users;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.ClinicApi;

/// <summary>
/// Admin-issued invite links are the only way a password is set or reset (there is no e-mail): the admin copies the link
/// from the API, the person opens it, chooses a password and signs in with it.
/// </summary>
public sealed class InviteLinkTests(DemoServer server) : IClassFixture<DemoServer>
{
    private const string ChosenPassword = "quiet-lantern-meadow-river-42";

    [Fact]
    public async Task Invite_for_a_new_patient_lets_them_set_a_password_and_sign_in()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var (patient, invite) = await NewPatientWithInviteAsync(api);
        Assert.StartsWith($"{server.BaseAddress}account/invite?uid={patient.UserId}&token=", invite.Url.ToString(), StringComparison.Ordinal);
        Assert.InRange(invite.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(3));
        var issued = Assert.Single(await server.AuditAsync(AuditActions.InviteIssued), a => a.TargetId == patient.UserId.ToString());
        Assert.Equal(await server.UserIdAsync(DemoAccounts.Admin), issued.UserId);

        using var browser = server.NewBrowser();
        var page = await browser.GetAsync(invite.Url.PathAndQuery);
        var done = await browser.SubmitAsync(HtmlForm.Posting(page.Html, "account/invite").With("password", ChosenPassword).With("confirm", ChosenPassword));

        Assert.Equal("/account/login", done.Url.AbsolutePath);
        Assert.Contains("Your password is set", done.Html, StringComparison.Ordinal);
        using var tokens = server.NewTokenClient();
        var signedIn = await tokens.SignInAsync(patient.Email, ChosenPassword);
        Assert.NotNull(signedIn.AccessToken);
        using var asPatient = server.ApiWithToken(signedIn.AccessToken);
        using var adminEndpoint = await asPatient.ApiGetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Forbidden, adminEndpoint.StatusCode);
        Assert.True((await (await api.ApiGetAsync($"/api/patients/{patient.Id}")).ReadAsync<PatientDto>()).HasPassword);
    }

    [Fact]
    public async Task A_common_password_is_refused_on_the_invite_page_and_no_password_is_set()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var (patient, invite) = await NewPatientWithInviteAsync(api);

        using var browser = server.NewBrowser();
        var page = await browser.GetAsync(invite.Url.PathAndQuery);
        var refused = await browser.SubmitAsync(HtmlForm.Posting(page.Html, "account/invite").With("password", "password1234").With("confirm", "password1234"));

        Assert.Equal("/account/invite", refused.Url.AbsolutePath);
        Assert.Contains("too common", refused.Html, StringComparison.Ordinal);
        Assert.Null(await server.WithDbAsync(db => db.Users.Where(u => u.Id == patient.UserId).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task Staff_invite_is_a_valid_reset_token_for_that_member_only()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var member = await api.CreateAsync<StaffDto>("/api/staff", new StaffInput { Email = $"staff-{Guid.NewGuid():N}@demo.test", DisplayName = "Noor Haddad", Role = "therapist" });

        using var response = await api.ApiPostAsync($"/api/staff/{member.Id}/invite", new { });

        var invite = await response.ReadAsync<InviteDto>();
        var token = TokenClient.QueryValue(invite.Url, "token")!;
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var purpose = UserManager<AppUser>.ResetPasswordTokenPurpose;
        var provider = users.Options.Tokens.PasswordResetTokenProvider;
        Assert.True(await users.VerifyUserTokenAsync((await users.FindByIdAsync(member.UserId.ToString()))!, provider, purpose, token));
        Assert.False(await users.VerifyUserTokenAsync((await users.FindByEmailAsync(DemoAccounts.Therapist))!, provider, purpose, token));
        Assert.Single(await server.AuditAsync(AuditActions.InviteIssued), a => a.TargetId == member.UserId.ToString() && a.Detail == "staff");
    }

    [Fact]
    public async Task Therapist_cannot_issue_invites()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(1));

        using var response = await api.ApiPostAsync($"/api/patients/{patientId}/invite", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<(PatientDto Patient, InviteDto Invite)> NewPatientWithInviteAsync(HttpClient api)
    {
        var patient = await api.CreateAsync<PatientDto>("/api/patients", new PatientInput
        {
            Email = $"invited-{Guid.NewGuid():N}@demo.test",
            LegalName = "Sasha Brennan",
            DisplayAlias = "Cedar",
            EmergencyContactName = "Lou Brennan",
            EmergencyContactPhone = "+1 312 555 0142",
        });
        using var response = await api.ApiPostAsync($"/api/patients/{patient.Id}/invite", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (patient, await response.ReadAsync<InviteDto>());
    }
}
