using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Identity.Users;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IopTelehealth.Server.Tests.ClinicApi;

public sealed class PatientsApiTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Staff_creates_a_patient_with_an_account_then_updates_and_deletes_both()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Staff);
        var email = NewEmail();

        using var created = await api.ApiPostAsync("/api/patients", NewPatient(email));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var patient = await created.ReadAsync<PatientDto>();
        Assert.Equal((email, "Robin Castillo", "Willow", false), (patient.Email, patient.LegalName, patient.DisplayAlias, patient.HasPassword));
        Assert.Equal([Roles.Patient], await RolesOfAsync(patient.UserId));
        Assert.Equal(await server.WithDbAsync(db => db.Users.Where(u => u.Id == patient.UserId).Select(u => u.ClinicId).SingleAsync()),
            await server.WithDbAsync(db => db.Patients.Where(p => p.Id == patient.Id).Select(p => p.ClinicId).SingleAsync()));

        var newEmail = NewEmail();
        var input = NewPatient(newEmail);
        input.DisplayAlias = "Birch";
        using var updated = await api.ApiPutAsync($"/api/patients/{patient.Id}", input);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await (await api.ApiGetAsync($"/api/patients/{patient.Id}")).ReadAsync<PatientDto>();
        Assert.Equal((newEmail, "Birch"), (read.Email, read.DisplayAlias));
        Assert.Equal(newEmail, await server.WithDbAsync(db => db.Users.Where(u => u.Id == patient.UserId).Select(u => u.UserName).SingleAsync()));

        using var deleted = await api.ApiDeleteAsync($"/api/patients/{patient.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == patient.UserId)));
    }

    [Fact]
    public async Task Every_read_of_patient_records_writes_a_phi_read_row()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);
        var therapistUserId = await server.UserIdAsync(DemoAccounts.Therapist);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(7));

        using var list = await api.ApiGetAsync("/api/patients");
        using var one = await api.ApiGetAsync($"/api/patients/{patientId}");

        Assert.Equal(DemoAccounts.PatientCount, (await list.ReadAsync<List<PatientDto>>()).Count(p => p.Email.EndsWith("@demo.test", StringComparison.Ordinal) && p.Email.StartsWith("patient", StringComparison.Ordinal)));
        Assert.Equal("Jamie Rivera", (await one.ReadAsync<PatientDto>()).LegalName);
        var rows = (await server.AuditAsync(AuditActions.PhiRead)).Where(a => a.UserId == therapistUserId && a.TargetType == "patient").ToList();
        Assert.Contains(rows, a => a.TargetId == patientId.ToString() && a.Outcome == AuditOutcome.Success);
        Assert.Contains(rows, a => a.TargetId is null && a.Detail!.StartsWith("list:", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, a => a.Detail?.Contains("Rivera", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_e_mail_already_in_use_is_a_conflict_and_creates_nothing()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var before = await server.WithDbAsync(db => db.Patients.CountAsync());

        using var response = await api.ApiPostAsync("/api/patients", NewPatient(DemoAccounts.Therapist.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Email", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(before, await server.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task Alias_equal_to_the_legal_name_is_refused_before_any_account_exists()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var email = NewEmail();
        var input = NewPatient(email);
        input.DisplayAlias = input.LegalName;

        using var response = await api.ApiPostAsync("/api/patients", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["DisplayAlias"], (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.False(await server.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task An_address_identity_cannot_use_as_a_user_name_rolls_back_the_profile()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var before = await server.WithDbAsync(db => db.Patients.CountAsync());

        // DataAnnotations accept it; Identity's user-name rules do not (no spaces): the profile must not outlive the refusal.
        using var response = await api.ApiPostAsync("/api/patients", NewPatient("robin castillo@demo.test"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Email", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(before, await server.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task A_patient_with_enrollments_cannot_be_deleted()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(8));

        using var response = await api.ApiDeleteAsync($"/api/patients/{patientId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(await server.WithDbAsync(db => db.Patients.AnyAsync(p => p.Id == patientId)));
    }

    [Fact]
    public async Task Missing_fields_are_reported_together()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var response = await api.ApiPostAsync("/api/patients", new PatientInput { Email = "not-an-address" });

        Assert.Equal(["DisplayAlias", "Email", "EmergencyContactName", "EmergencyContactPhone", "LegalName"],
            (await response.ReadProblemAsync()).Errors!.Keys.Order());
    }

    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@demo.test";

    private static PatientInput NewPatient(string email) => new()
    {
        Email = email, LegalName = "Robin Castillo", DisplayAlias = "Willow", EmergencyContactName = "Ana Castillo", EmergencyContactPhone = "+1 312 555 0199",
    };

    private async Task<IList<string>> RolesOfAsync(Guid userId)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId.ToString()))!);
    }
}
