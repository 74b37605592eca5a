using System.Net;
using IopTelehealth.Contracts.Clinic;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Server.Tests.ClinicApi;

/// <summary>Schedules and the sessions they generate, through the API; times are checked in the clinic's zone.</summary>
public sealed class SchedulesApiTests(DemoServer server) : IClassFixture<DemoServer>
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById(DemoAccounts.ClinicTimeZone);

    /// <summary>March of next year: always in the future, and US daylight saving time starts in it.</summary>
    private static readonly DateOnly March1 = new(DateTime.UtcNow.Year + 1, 3, 1);

    [Fact]
    public async Task Staff_creates_a_schedule_and_sessions_start_at_18_00_Chicago_time_across_the_DST_change()
    {
        var groupId = await NewGroupAsync();
        using var api = await server.ApiAsAsync(DemoAccounts.Staff);

        using var response = await api.ApiPostAsync("/api/schedules", EveningSchedule(groupId, March1, March1.AddDays(30)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var schedule = await response.ReadAsync<ScheduleDto>();
        Assert.Equal(DemoAccounts.ClinicTimeZone, schedule.TimeZoneId);
        var expectedDates = Enumerable.Range(0, 31).Select(March1.AddDays).Where(d => d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday).ToList();
        Assert.Equal(expectedDates.Count, schedule.UpcomingSessions);
        var sessions = await server.WithDbAsync(db => db.Sessions.Where(s => s.ScheduleId == schedule.Id).OrderBy(s => s.LocalDate).ToListAsync());
        Assert.Equal(expectedDates, sessions.Select(s => s.LocalDate));
        Assert.All(sessions, s =>
        {
            var local = TimeZoneInfo.ConvertTime(s.ScheduledStart, Chicago);
            Assert.Equal((s.LocalDate, new TimeOnly(18, 0)), (DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime)));
            Assert.Equal(TimeSpan.FromMinutes(180), s.ScheduledEnd - s.ScheduledStart);
        });
        // 18:00 CST is 00:00 UTC, 18:00 CDT is 23:00 UTC: the wall-clock time held while the instant moved.
        Assert.Equal([0, 23], sessions.Select(s => s.ScheduledStart.UtcDateTime.Hour).Distinct().Order());
    }

    [Fact]
    public async Task End_before_start_is_a_field_error_and_creates_no_schedule_or_sessions()
    {
        var groupId = await NewGroupAsync();
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);

        using var response = await api.ApiPostAsync("/api/schedules", EveningSchedule(groupId, March1, March1.AddDays(-1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["EndDate"], (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.False(await server.WithDbAsync(db => db.Schedules.AnyAsync(s => s.GroupId == groupId)));
        Assert.False(await server.WithDbAsync(db => db.Sessions.AnyAsync(s => s.GroupId == groupId)));
    }

    [Fact]
    public async Task Unknown_time_zone_is_a_field_error()
    {
        var groupId = await NewGroupAsync();
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var input = EveningSchedule(groupId, March1, March1.AddDays(7));
        input.TimeZoneId = "Mars/Olympus_Mons";

        using var response = await api.ApiPostAsync("/api/schedules", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("IANA", Assert.Single((await response.ReadProblemAsync()).Errors!["TimeZoneId"]), StringComparison.Ordinal);
        Assert.False(await server.WithDbAsync(db => db.Schedules.AnyAsync(s => s.GroupId == groupId)));
    }

    [Fact]
    public async Task Changing_the_days_reconciles_the_future_sessions_and_keeps_the_ids_of_dates_that_stay()
    {
        var groupId = await NewGroupAsync();
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var schedule = await api.CreateAsync<ScheduleDto>("/api/schedules", EveningSchedule(groupId, March1, March1.AddDays(30)));
        var mondaysBefore = await SessionIdsAsync(schedule.Id, DayOfWeek.Monday);

        var input = EveningSchedule(groupId, March1, March1.AddDays(30));
        input.Days = [DayOfWeek.Monday, DayOfWeek.Friday];
        input.StartTime = new TimeOnly(17, 30);
        using var response = await api.ApiPutAsync($"/api/schedules/{schedule.Id}", input);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], (await response.ReadAsync<ScheduleDto>()).Days);
        Assert.Empty(await SessionIdsAsync(schedule.Id, DayOfWeek.Wednesday));
        Assert.NotEmpty(await SessionIdsAsync(schedule.Id, DayOfWeek.Friday));
        Assert.Equal(mondaysBefore, await SessionIdsAsync(schedule.Id, DayOfWeek.Monday));
        var starts = await server.WithDbAsync(db => db.Sessions.Where(s => s.ScheduleId == schedule.Id).Select(s => s.ScheduledStart).ToListAsync());
        Assert.All(starts, start => Assert.Equal(new TimeOnly(17, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Chicago).DateTime)));
    }

    [Fact]
    public async Task Deleting_a_schedule_removes_its_future_sessions_and_keeps_the_started_ones()
    {
        var groupId = await NewGroupAsync();
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var schedule = await api.CreateAsync<ScheduleDto>("/api/schedules", EveningSchedule(groupId, March1, March1.AddDays(30)));
        var startedId = Guid.NewGuid();
        var clinicId = await server.WithDbAsync(db => db.Groups.Where(g => g.Id == groupId).Select(g => g.ClinicId).SingleAsync());
        await server.WithDbAsync(db =>
        {
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            db.Sessions.Add(new GroupSession(startedId, clinicId, groupId, schedule.Id, new SessionSlot(DateOnly.FromDateTime(start.UtcDateTime), start, start.AddHours(3), "Coping skills")));
            return db.SaveChangesAsync();
        });

        using var response = await api.ApiDeleteAsync($"/api/schedules/{schedule.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var remaining = await server.WithDbAsync(db => db.Sessions.Where(s => s.GroupId == groupId).ToListAsync());
        Assert.Equal(startedId, Assert.Single(remaining).Id);
        Assert.Null(remaining[0].ScheduleId);
        Assert.False(await server.WithDbAsync(db => db.Schedules.AnyAsync(s => s.Id == schedule.Id)));
    }

    [Fact]
    public async Task Therapist_reads_schedules_but_cannot_create_them()
    {
        var groupId = await NewGroupAsync();
        using var api = await server.ApiAsAsync(DemoAccounts.Therapist);

        using var list = await api.ApiGetAsync("/api/schedules");
        using var create = await api.ApiPostAsync("/api/schedules", EveningSchedule(groupId, March1, March1.AddDays(7)));

        Assert.Contains(await list.ReadAsync<List<ScheduleDto>>(), s => s.GroupName == DemoAccounts.GroupName);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_schedule_does_not_move_to_another_group()
    {
        var (first, second) = (await NewGroupAsync(), await NewGroupAsync());
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var schedule = await api.CreateAsync<ScheduleDto>("/api/schedules", EveningSchedule(first, March1, March1.AddDays(7)));

        using var response = await api.ApiPutAsync($"/api/schedules/{schedule.Id}", EveningSchedule(second, March1, March1.AddDays(7)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("GroupId", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.False(await server.WithDbAsync(db => db.Sessions.AnyAsync(s => s.GroupId == second)));
    }

    private static ScheduleInput EveningSchedule(Guid groupId, DateOnly start, DateOnly end) => new()
    {
        GroupId = groupId, Days = [DayOfWeek.Wednesday, DayOfWeek.Monday], StartTime = new TimeOnly(18, 0), DurationMinutes = 180, StartDate = start, EndDate = end,
    };

    private async Task<Guid> NewGroupAsync()
    {
        using var api = await server.ApiAsAsync(DemoAccounts.Admin);
        var group = await api.CreateAsync<GroupDto>("/api/groups", new GroupInput { ProgramId = await server.DemoProgramIdAsync(), Name = $"Schedule test {Guid.NewGuid():N}"[..22] });
        return group.Id;
    }

    private Task<List<Guid>> SessionIdsAsync(Guid scheduleId, DayOfWeek day) => server.WithDbAsync(async db =>
        (await db.Sessions.Where(s => s.ScheduleId == scheduleId).ToListAsync()).Where(s => s.LocalDate.DayOfWeek == day).OrderBy(s => s.LocalDate).Select(s => s.Id).ToList());
}
