using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);
    private static readonly TimeSpan Cdt = TimeSpan.FromHours(-5);

    [Fact]
    public async Task A_range_of_sessions_across_the_spring_change_is_selected_and_ordered_by_instant()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        // 18:00 in Chicago each evening; daylight saving time starts at 02:00 on Sunday 8 March 2026.
        var before = Session(graph, new DateTimeOffset(2026, 3, 6, 18, 0, 0, Cst), "before");
        var saturday = Session(graph, new DateTimeOffset(2026, 3, 7, 18, 0, 0, Cst), "saturday");
        var sunday = Session(graph, new DateTimeOffset(2026, 3, 8, 18, 0, 0, Cdt), "sunday");
        var monday = Session(graph, new DateTimeOffset(2026, 3, 9, 18, 0, 0, Cdt), "monday");
        var after = Session(graph, new DateTimeOffset(2026, 3, 10, 18, 0, 0, Cdt), "after");
        await Database.AddAsync(monday, after, saturday, before, sunday);

        // The bounds are given in local offsets: from the first included start exactly (inclusive)
        // to the first excluded start exactly (exclusive), neither of them written in UTC as they are stored.
        var from = saturday.ScheduledStart.ToOffset(Cst);
        var to = after.ScheduledStart.ToOffset(TimeSpan.FromHours(2));
        var topics = await Database.WithDbAsync(db => db.Sessions
            .Where(s => s.GroupId == graph.Group.Id && s.ScheduledStart >= from && s.ScheduledStart < to)
            .OrderBy(s => s.ScheduledStart)
            .Select(s => s.Topic)
            .ToListAsync(Ct));

        Assert.Equal(["saturday", "sunday", "monday"], topics);
    }

    [Fact]
    public async Task Sessions_in_the_repeated_hour_of_the_autumn_change_are_ordered_by_instant_not_wall_clock()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        // On 1 November 2026 Chicago's clocks go from 01:59 CDT back to 01:00 CST: 01:10 CST comes after 01:30 CDT.
        var firstPass = Session(graph, new DateTimeOffset(2026, 11, 1, 1, 30, 0, Cdt), "01:30 CDT");
        var secondPass = Session(graph, new DateTimeOffset(2026, 11, 1, 1, 10, 0, Cst), "01:10 CST");
        var earlier = Session(graph, new DateTimeOffset(2026, 11, 1, 1, 50, 0, Cdt), "01:50 CDT");
        await Database.AddAsync(secondPass, earlier, firstPass);

        var topics = await Database.WithDbAsync(db => db.Sessions
            .Where(s => s.GroupId == graph.Group.Id)
            .OrderBy(s => s.ScheduledStart)
            .Select(s => s.Topic)
            .ToListAsync(Ct));
        var fromSecondPass = await Database.WithDbAsync(db => db.Sessions
            .Where(s => s.GroupId == graph.Group.Id && s.ScheduledStart > earlier.ScheduledStart)
            .Select(s => s.Topic)
            .ToListAsync(Ct));

        Assert.Equal(["01:30 CDT", "01:50 CDT", "01:10 CST"], topics);
        Assert.Equal(["01:10 CST"], fromSecondPass);
    }

    private static GroupSession Session(ClinicGraph graph, DateTimeOffset start, string topic) =>
        new(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, null,
            new SessionSlot(DateOnly.FromDateTime(start.DateTime), start, start.AddHours(3), topic));
}
