using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

public sealed class GroupsApiTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Admin_creates_reads_updates_and_deletes_a_group_led_by_a_therapist()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var programId = await server.DemoProgramIdAsync();
        var therapistId = await server.StaffIdAsync(DemoAccounts.Therapist);

        using var created = await api.ApiPostAsync("/api/groups", new GroupInput { ProgramId = programId, Name = "Monday Morning Group", Capacity = 8, TherapistIds = [therapistId] });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var group = await created.ReadAsync<GroupDto>();
        Assert.Equal(("Monday Morning Group", 8, DemoAccounts.ProgramName, 0), (group.Name, group.Capacity, group.ProgramName, group.ActiveEnrollments));
        Assert.Equal([therapistId], group.TherapistIds);
        Assert.Equal(["Dr. Taylor Reed"], group.TherapistNames);

        using var updated = await api.ApiPutAsync($"/api/groups/{group.Id}", new GroupInput { ProgramId = programId, Name = "Monday Noon Group", Capacity = 10 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await (await api.ApiGetAsync($"/api/groups/{group.Id}")).ReadAsync<GroupDto>();
        Assert.Equal(("Monday Noon Group", 10), (read.Name, read.Capacity));
        Assert.Empty(read.TherapistIds);

        using var deleted = await api.ApiDeleteAsync($"/api/groups/{group.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == group.Id)));
    }

    [Fact]
    public async Task Capacity_above_the_programs_max_group_size_is_a_field_error()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var response = await api.ApiPostAsync("/api/groups", new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = "Too big", Capacity = 20 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(["Capacity"], problem.Errors!.Keys);
        Assert.Contains("between 1 and 12", problem.Errors["Capacity"][0], StringComparison.Ordinal);
        Assert.False(await server.WithDbAsync(db => db.Groups.AnyAsync(g => g.Name == "Too big")));
    }

    [Fact]
    public async Task Only_therapists_of_the_clinic_can_lead_a_group()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var adminStaffId = await server.StaffIdAsync(DemoAccounts.Admin);

        using var notTherapist = await api.ApiPostAsync("/api/groups", new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = "Led by admin", TherapistIds = [adminStaffId] });
        using var unknown = await api.ApiPostAsync("/api/groups", new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = "Led by nobody", TherapistIds = [Guid.NewGuid()] });

        Assert.Equal(HttpStatusCode.BadRequest, notTherapist.StatusCode);
        Assert.Contains("TherapistIds", (await notTherapist.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.False(await server.WithDbAsync(db => db.Groups.AnyAsync(g => g.Name.StartsWith("Led by"))));
    }

    [Fact]
    public async Task A_group_with_enrollments_cannot_be_deleted()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var groupId = await server.DemoGroupIdAsync();

        using var response = await api.ApiDeleteAsync($"/api/groups/{groupId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(await server.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == groupId)));
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_the_active_enrollments()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var groupId = await server.DemoGroupIdAsync();

        using var response = await api.ApiPutAsync($"/api/groups/{groupId}", new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = DemoAccounts.GroupName, Capacity = 4 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Capacity", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(12, await server.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).Select(g => g.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Therapist_lists_a_groups_sessions_in_a_date_range_with_their_time_zone()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);
        var groupId = await server.DemoGroupIdAsync();
        var stored = await server.WithDbAsync(db => db.Sessions.Where(s => s.GroupId == groupId).Select(s => s.LocalDate).ToListAsync());
        var (from, to) = (stored.Min(), stored.Min().AddDays(13));

        using var response = await api.ApiGetAsync($"/api/groups/{groupId}/sessions?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessions = await response.ReadAsync<List<SessionDto>>();
        Assert.Equal(stored.Count(d => d >= from && d <= to), sessions.Count);
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal(DemoAccounts.ClinicTimeZone, s.TimeZoneId));
        Assert.Equal(sessions.OrderBy(s => s.ScheduledStart).Select(s => s.Id), sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task Session_list_needs_an_ordered_date_range()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var groupId = await server.DemoGroupIdAsync();

        using var missing = await api.ApiGetAsync($"/api/groups/{groupId}/sessions?from=2030-01-01");
        using var reversed = await api.ApiGetAsync($"/api/groups/{groupId}/sessions?from=2030-01-10&to=2030-01-01");
        using var malformed = await api.ApiGetAsync($"/api/groups/{groupId}/sessions?from=2030-13-01&to=2030-01-01");

        Assert.Contains("to", (await missing.ReadProblemAsync()).Errors!.Keys);
        Assert.Contains("to", (await reversed.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(400, (await malformed.ReadProblemAsync()).Status);
    }
}
