using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.ClinicApi.Endpoints;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

/// <summary>Who may call the clinic API at all, and who may do what (docs/clinic-api.md, role matrix).</summary>
public sealed class AuthorizationTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Patient_calling_an_admin_endpoint_gets_403_and_a_forbidden_audit_row()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Patient(1));
        var patientUserId = await server.UserIdAsync(DemoAccounts.Patient(1));

        using var response = await api.ApiGetAsync("/api/programs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(ApiProblems.ForbiddenType, problem.Type);
        Assert.Equal("Forbidden", problem.Title);
        var row = Assert.Single(await server.AuditAsync(AuditActions.Forbidden), a => a.UserId == patientUserId && a.TargetType == "program");
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal("read", row.Detail);
    }

    [Fact]
    public async Task Patient_cannot_create_a_patient_and_nothing_is_created()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Patient(2));
        var before = await server.WithDbAsync(db => db.Patients.CountAsync());

        using var response = await api.ApiPostAsync("/api/patients", new PatientInput
        {
            Email = $"p-{Guid.NewGuid():N}@demo.test", LegalName = "Eve Mallory", DisplayAlias = "Hawk", EmergencyContactName = "Bob", EmergencyContactPhone = "+1 312 555 0100",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await server.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task Patient_gets_403_even_for_an_id_that_does_not_exist()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Patient(1));

        using var response = await api.ApiGetAsync($"/api/groups/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Request_without_a_token_gets_401()
    {
        using var api = server.ApiWithToken(null);

        using var response = await api.ApiGetAsync("/api/groups");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_with_a_forged_token_gets_401()
    {
        using var api = server.ApiWithToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        using var response = await api.ApiGetAsync("/api/groups");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Web_session_cookie_alone_does_not_open_the_api()
    {
        using var browser = server.NewBrowser();
        var home = await browser.SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, DemoAccounts.TotpSecret);
        Assert.Equal(HttpStatusCode.OK, home.Status);

        using var response = await browser.GetRawAsync("/api/programs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Service_client_token_without_a_user_is_forbidden()
    {
        // The shared fixture's service client has no clinic (no token at all); this one is attached to a clinic.
        await using var withService = new IopServer(new Dictionary<string, string?> { ["Identity:ServiceClients:0:ClinicId"] = Guid.NewGuid().ToString() });
        using var tokens = withService.NewTokenClient();
        var token = await tokens.ClientCredentialsAsync(IopServer.ServiceClientId, IopServer.ServiceClientSecret);
        Assert.NotNull(token.AccessToken);
        using var api = withService.ApiWithToken(token.AccessToken);

        using var response = await api.ApiGetAsync("/api/patients");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Therapist_reads_groups_and_patients_but_cannot_write_programs()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);

        using var groups = await api.ApiGetAsync("/api/groups");
        using var patients = await api.ApiGetAsync("/api/patients");
        using var create = await api.ApiPostAsync("/api/programs", new ProgramInput { Name = "Therapist's own program" });

        Assert.Equal(HttpStatusCode.OK, groups.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patients.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Programs.AnyAsync(p => p.Name == "Therapist's own program")));
    }

    [Fact]
    public async Task Therapist_cannot_see_the_staff_directory()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);

        using var response = await api.ApiGetAsync("/api/staff");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Staff_reads_the_staff_directory_but_cannot_add_to_it()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Staff);

        using var list = await api.ApiGetAsync("/api/staff");
        using var create = await api.ApiPostAsync("/api/staff", new StaffInput { Email = $"s-{Guid.NewGuid():N}@demo.test", DisplayName = "New Hire", Role = "admin" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(await list.ReadAsync<List<StaffDto>>(), s => s.Email == DemoAccounts.Admin && s.Role == "admin");
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }
}
