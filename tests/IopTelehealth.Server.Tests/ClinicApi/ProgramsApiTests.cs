using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Server.ClinicApi.Endpoints;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

public sealed class ProgramsApiTests(DemoServer server) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Admin_creates_reads_updates_and_deletes_a_program()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var name = $"Morning MH IOP {Guid.NewGuid():N}"[..30];

        using var created = await api.ApiPostAsync("/api/programs", new ProgramInput { Name = name, RequiredHoursPerWeek = 12, MinimumMinutesPerDay = 120 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var program = await created.ReadAsync<ProgramDto>();
        Assert.Equal($"/api/programs/{program.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(12, program.RequiredHoursPerWeek);
        Assert.Equal(12 * 60, await server.WithDbAsync(db => db.Programs.Where(p => p.Id == program.Id).Select(p => p.RequiredMinutesPerWeek).SingleAsync()));

        var read = await (await api.ApiGetAsync(created.Headers.Location!.OriginalString)).ReadAsync<ProgramDto>();
        Assert.Equal(program, read);
        Assert.Contains(await (await api.ApiGetAsync("/api/programs")).ReadAsync<List<ProgramDto>>(), p => p.Id == program.Id);

        using var updated = await api.ApiPutAsync($"/api/programs/{program.Id}", new ProgramInput { Name = name + " v2", RequiredHoursPerWeek = 9.5, MaxGroupSize = 10, EscalateAfterMisses = 3 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(new ProgramDto(program.Id, name + " v2", 9.5, 180, 10, 10, 10, 3), await updated.ReadAsync<ProgramDto>());

        using var deleted = await api.ApiDeleteAsync($"/api/programs/{program.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await api.ApiGetAsync($"/api/programs/{program.Id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var audited = (await server.WithDbAsync(db => db.AuditEntries.Where(a => a.TargetId == program.Id.ToString()).OrderBy(a => a.Id).ToListAsync())).Select(a => a.Action).ToList();
        Assert.Equal([AuditActions.RecordCreated, AuditActions.RecordUpdated, AuditActions.RecordDeleted], audited);
    }

    [Fact]
    public async Task Zero_required_hours_is_a_field_error_and_creates_nothing()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var before = await server.WithDbAsync(db => db.Programs.CountAsync());

        using var response = await api.ApiPostAsync("/api/programs", new ProgramInput { Name = "No hours", RequiredHoursPerWeek = 0, MaxGroupSize = 99 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(ApiProblems.BadRequestType, problem.Type);
        Assert.Equal(ApiProblems.ValidationTitle, problem.Title);
        Assert.Contains("RequiredHoursPerWeek", problem.Errors!.Keys);
        Assert.Contains("MaxGroupSize", problem.Errors.Keys);
        Assert.Equal(before, await server.WithDbAsync(db => db.Programs.CountAsync()));
    }

    [Fact]
    public async Task Invalid_update_leaves_the_stored_program_as_it_was()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var program = await api.CreateAsync<ProgramDto>("/api/programs", new ProgramInput { Name = $"Stable {Guid.NewGuid():N}"[..20] });

        using var response = await api.ApiPutAsync($"/api/programs/{program.Id}", new ProgramInput { Name = "", RequiredHoursPerWeek = 41 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Name", "RequiredHoursPerWeek"], (await response.ReadProblemAsync()).Errors!.Keys.Order());
        Assert.Equal(program, await (await api.ApiGetAsync($"/api/programs/{program.Id}")).ReadAsync<ProgramDto>());
    }

    [Fact]
    public async Task A_second_program_with_the_same_name_is_a_conflict_on_the_name()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var response = await api.ApiPostAsync("/api/programs", new ProgramInput { Name = DemoAccounts.ProgramName });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(ApiProblems.ConflictType, problem.Type);
        Assert.Contains("Name", problem.Errors!.Keys);
        Assert.Equal(1, await server.WithDbAsync(db => db.Programs.CountAsync(p => p.Name == DemoAccounts.ProgramName)));
    }

    [Fact]
    public async Task A_program_with_groups_cannot_be_deleted()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var programId = await server.DemoProgramIdAsync();

        using var response = await api.ApiDeleteAsync($"/api/programs/{programId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(await server.WithDbAsync(db => db.Programs.AnyAsync(p => p.Id == programId)));
    }

    [Fact]
    public async Task Max_group_size_cannot_shrink_below_a_groups_capacity()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var programId = await server.DemoProgramIdAsync();

        using var response = await api.ApiPutAsync($"/api/programs/{programId}", new ProgramInput { Name = DemoAccounts.ProgramName, MaxGroupSize = 6 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MaxGroupSize", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.Equal(12, await server.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.MaxGroupSize).SingleAsync()));
    }
}
