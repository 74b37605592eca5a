using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

public sealed class EnrollmentsApiTests(DemoServer server) : IClassFixture<DemoServer>
{
    private static readonly DateOnly Start = new(2030, 1, 7);

    [Fact]
    public async Task Staff_enrolls_a_patient_graduates_them_and_removes_the_enrollment()
    {
        var groupId = await NewGroupAsync(capacity: 4);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(1));
        using var api = await server.ApiAsAsync(DemoAccounts.Staff);

        using var created = await api.ApiPostAsync("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = patientId, StartDate = Start });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var enrollment = await created.ReadAsync<EnrollmentDto>();
        Assert.Equal((patientId, "Jordan Alvarez", "Sunrise", EnrollmentStatuses.Active), (enrollment.PatientId, enrollment.PatientName, enrollment.PatientAlias, enrollment.Status));

        var input = new EnrollmentInput { GroupId = groupId, PatientId = patientId, StartDate = Start, EndDate = Start.AddDays(55), Status = EnrollmentStatuses.Graduated };
        using var updated = await api.ApiPutAsync($"/api/enrollments/{enrollment.Id}", input);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await (await api.ApiGetAsync($"/api/enrollments/{enrollment.Id}")).ReadAsync<EnrollmentDto>();
        Assert.Equal((EnrollmentStatuses.Graduated, (DateOnly?)Start.AddDays(55)), (read.Status, read.EndDate));

        using var deleted = await api.ApiDeleteAsync($"/api/enrollments/{enrollment.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.Id == enrollment.Id)));
    }

    [Fact]
    public async Task Reading_enrollments_is_audited_as_phi_access()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);
        var therapistUserId = await server.UserIdAsync(DemoAccounts.Therapist);
        var enrollmentId = await server.WithDbAsync(db => db.Enrollments.Select(e => e.Id).FirstAsync());

        using var list = await api.ApiGetAsync("/api/enrollments");
        using var one = await api.ApiGetAsync($"/api/enrollments/{enrollmentId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var rows = (await server.AuditAsync(AuditActions.PhiRead)).Where(a => a.UserId == therapistUserId && a.TargetType == "enrollment").ToList();
        Assert.Contains(rows, a => a.TargetId == enrollmentId.ToString());
        Assert.Contains(rows, a => a.TargetId is null && a.Detail!.StartsWith("list:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_active_enrollment_of_the_same_patient_in_the_group_is_a_conflict()
    {
        var groupId = await NewGroupAsync(capacity: 4);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(2));
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        await api.CreateAsync<EnrollmentDto>("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = patientId, StartDate = Start });

        using var response = await api.ApiPostAsync("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = patientId, StartDate = Start.AddDays(7) });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("PatientId", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(1, await server.WithDbAsync(db => db.Enrollments.CountAsync(e => e.GroupId == groupId)));
    }

    [Fact]
    public async Task A_full_group_takes_no_more_active_enrollments_but_does_take_ended_ones()
    {
        var groupId = await NewGroupAsync(capacity: 1);
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        await api.CreateAsync<EnrollmentDto>("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = await server.PatientIdAsync(DemoAccounts.Patient(3)), StartDate = Start });
        var second = await server.PatientIdAsync(DemoAccounts.Patient(4));

        using var full = await api.ApiPostAsync("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = second, StartDate = Start });
        using var discharged = await api.ApiPostAsync("/api/enrollments",
            new EnrollmentInput { GroupId = groupId, PatientId = second, StartDate = Start, EndDate = Start.AddDays(3), Status = EnrollmentStatuses.Discharged });

        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("GroupId", (await full.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.Created, discharged.StatusCode);
    }

    [Fact]
    public async Task End_before_start_and_unknown_status_are_field_errors()
    {
        var groupId = await NewGroupAsync(capacity: 4);
        var patientId = await server.PatientIdAsync(DemoAccounts.Patient(5));
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var dates = await api.ApiPostAsync("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = patientId, StartDate = Start, EndDate = Start.AddDays(-1) });
        using var status = await api.ApiPostAsync("/api/enrollments", new EnrollmentInput { GroupId = groupId, PatientId = patientId, StartDate = Start, Status = "paused" });

        Assert.Equal(["EndDate"], (await dates.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(["Status"], (await status.ReadProblemAsync()).Errors!.Keys);
        Assert.False(await server.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.GroupId == groupId)));
    }

    [Fact]
    public async Task Therapist_reads_enrollments_but_cannot_enroll()
    {
        var groupId = await NewGroupAsync(capacity: 4);
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);

        using var response = await api.ApiPostAsync("/api/enrollments",
            new EnrollmentInput { GroupId = groupId, PatientId = await server.PatientIdAsync(DemoAccounts.Patient(6)), StartDate = Start });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.GroupId == groupId)));
    }

    private async Task<Guid> NewGroupAsync(int capacity)
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var group = await api.CreateAsync<GroupDto>("/api/groups",
            new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = $"Enrollment test {Guid.NewGuid():N}"[..24], Capacity = capacity });
        return group.Id;
    }
}
