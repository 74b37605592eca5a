using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.ClinicApi.Endpoints;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

/// <summary>
/// Tenancy: an admin of a second clinic on the same server never sees, changes or learns of the demo clinic's records,
/// and every attempt leaves a cross-clinic audit row naming who tried and what.
/// </summary>
public sealed class CrossClinicTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Clinic_A_user_reading_clinic_B_group_gets_404_and_an_audit_row()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var demoGroupId = await server.DemoGroupIdAsync();
        using var api = await other.AdminApiAsync(server);

        using var response = await api.ApiGetAsync($"/api/groups/{demoGroupId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApiProblems.NotFoundType, (await response.ReadProblemAsync()).Type);
        var row = Assert.Single(await server.AuditAsync(AuditActions.CrossClinicAccess), a => a.UserId == other.AdminUserId);
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal("group", row.TargetType);
        Assert.Equal(demoGroupId.ToString(), row.TargetId);
        Assert.Equal(other.ClinicId, row.ClinicId);
    }

    [Fact]
    public async Task A_foreign_id_and_a_missing_id_get_the_same_answer()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var demoGroupId = await server.DemoGroupIdAsync();
        using var api = await other.AdminApiAsync(server);

        using var foreign = await api.ApiGetAsync($"/api/groups/{demoGroupId}");
        using var missing = await api.ApiGetAsync($"/api/groups/{Guid.NewGuid()}");

        var (foreignProblem, missingProblem) = (await foreign.ReadProblemAsync(), await missing.ReadProblemAsync());
        Assert.Equal(missing.StatusCode, foreign.StatusCode);
        Assert.Equal(missingProblem, foreignProblem with { Errors = missingProblem.Errors });
        // Only the foreign id is an attempt worth auditing; a typo is not.
        Assert.Single(await server.AuditAsync(AuditActions.CrossClinicAccess), a => a.UserId == other.AdminUserId);
    }

    [Fact]
    public async Task Cross_clinic_update_and_delete_get_404_and_change_nothing()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var demoGroupId = await server.DemoGroupIdAsync();
        var demoProgramId = await server.DemoProgramIdAsync();
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(3));
        using var api = await other.AdminApiAsync(server);

        using var put = await api.ApiPutAsync($"/api/groups/{demoGroupId}", new GroupInput { ProgramId = demoProgramId, Name = "Hijacked", Capacity = 2 });
        using var deleteGroup = await api.ApiDeleteAsync($"/api/groups/{demoGroupId}");
        using var deletePatient = await api.ApiDeleteAsync($"/api/patients/{patientId}");
        using var putProgram = await api.ApiPutAsync($"/api/programs/{demoProgramId}", new ProgramInput { Name = "Hijacked" });

        Assert.All([put, deleteGroup, deletePatient, putProgram], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var group = await server.WithDbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.Id == demoGroupId));
        Assert.Equal(DemoAccounts.GroupName, group.Name);
        Assert.Equal(12, group.Capacity);
        Assert.True(await server.WithDbAsync(db => db.Patients.AnyAsync(p => p.Id == patientId)));
        Assert.Equal(DemoAccounts.ProgramName, await server.WithDbAsync(db => db.Programs.Where(p => p.Id == demoProgramId).Select(p => p.Name).SingleAsync()));
        var rows = (await server.AuditAsync(AuditActions.CrossClinicAccess)).Where(a => a.UserId == other.AdminUserId).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, a => a.TargetType == "patient" && a.TargetId == patientId.ToString());
        Assert.Contains(rows, a => a.TargetType == "program" && a.TargetId == demoProgramId.ToString());
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_clinic()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        using var api = await other.AdminApiAsync(server);

        var groups = await (await api.ApiGetAsync("/api/groups")).ReadAsync<List<GroupDto>>();
        var patients = await (await api.ApiGetAsync("/api/patients")).ReadAsync<List<PatientDto>>();
        var staff = await (await api.ApiGetAsync("/api/staff")).ReadAsync<List<StaffDto>>();

        Assert.Equal(other.GroupId, Assert.Single(groups).Id);
        Assert.Empty(patients);
        Assert.Equal(other.AdminEmail, Assert.Single(staff).Email);
    }

    [Fact]
    public async Task Referencing_another_clinics_program_or_patient_is_invalid_and_audited()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var demoProgramId = await server.DemoProgramIdAsync();
        var demoPatientId = await server.PatientIdAsync(DemoAccounts.Patient(4));
        using var api = await other.AdminApiAsync(server);

        using var group = await api.ApiPostAsync("/api/groups", new GroupInput { ProgramId = demoProgramId, Name = "Borrowed program" });
        using var enrollment = await api.ApiPostAsync("/api/enrollments",
            new EnrollmentInput { GroupId = other.GroupId, PatientId = demoPatientId, StartDate = new DateOnly(2030, 1, 7) });

        Assert.Equal(HttpStatusCode.BadRequest, group.StatusCode);
        Assert.Contains("ProgramId", (await group.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, enrollment.StatusCode);
        Assert.Contains("PatientId", (await enrollment.ReadProblemAsync()).Errors!.Keys);
        Assert.False(await server.WithDbAsync(db => db.Groups.AnyAsync(g => g.Name == "Borrowed program")));
        Assert.False(await server.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.PatientId == demoPatientId && e.GroupId == other.GroupId)));
        var rows = (await server.AuditAsync(AuditActions.CrossClinicAccess)).Where(a => a.UserId == other.AdminUserId).ToList();
        Assert.Contains(rows, a => a.TargetType == "program" && a.TargetId == demoProgramId.ToString());
        Assert.Contains(rows, a => a.TargetType == "patient" && a.TargetId == demoPatientId.ToString());
    }

    [Fact]
    public async Task Invites_and_mfa_resets_for_another_clinics_people_get_404()
    {
        var other = await OtherClinic.ArrangeAsync(server);
        var therapistId = await server.StaffIdAsync(DemoAccounts.Therapist);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(5));
        using var api = await other.AdminApiAsync(server);

        using var invite = await api.ApiPostAsync($"/api/patients/{patientId}/invite", new { });
        using var mfa = await api.ApiPostAsync($"/api/staff/{therapistId}/mfa-reset", new { });

        Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mfa.StatusCode);
        Assert.True(await server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoAccounts.Therapist).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.DoesNotContain(await server.AuditAsync(AuditActions.InviteIssued), a => a.UserId == other.AdminUserId);
    }
}
