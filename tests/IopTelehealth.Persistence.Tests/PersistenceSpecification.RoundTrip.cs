using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    [Fact]
    public async Task A_clinic_its_program_settings_and_a_group_round_trip()
    {
        var clinic = Seed.Clinic();
        var program = new IopProgram(Guid.NewGuid(), clinic.Id, "Evening SUD IOP", new ProgramSettings(600, 190, 8, 15, 5));
        var group = new TherapyGroup(Guid.NewGuid(), clinic.Id, program.Id, "Tuesday evening", 7, program.MaxGroupSize);
        await Database.AddAsync(clinic, program, group);

        Assert.Equivalent(clinic, await Database.WithDbAsync(db => db.Clinics.SingleAsync(c => c.Id == clinic.Id, Ct)), strict: true);
        Assert.Equivalent(program, await Database.WithDbAsync(db => db.Programs.SingleAsync(p => p.Id == program.Id, Ct)), strict: true);
        Assert.Equivalent(group, await Database.WithDbAsync(db => db.Groups.SingleAsync(g => g.Id == group.Id, Ct)), strict: true);
    }

    [Fact]
    public async Task Assigned_therapists_are_join_rows_that_follow_reassignment()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var ann = await Seed.StaffMemberAsync(Database, graph.Clinic);
        var ben = await Seed.StaffMemberAsync(Database, graph.Clinic);
        var cas = await Seed.StaffMemberAsync(Database, graph.Clinic);

        await AssignTherapistsAsync(graph.Group.Id, ann.Id, ben.Id);
        Assert.Equal(Sorted(ann.Id, ben.Id), await TherapistIdsAsync(graph.Group.Id));

        await AssignTherapistsAsync(graph.Group.Id, ben.Id, cas.Id);
        Assert.Equal(Sorted(ben.Id, cas.Id), await TherapistIdsAsync(graph.Group.Id));
        // The unassigned therapist's row is deleted, not left behind without its group.
        Assert.Equal(2, await Database.WithDbAsync(db => db.Set<GroupTherapist>().CountAsync(t => t.GroupId == graph.Group.Id, Ct)));
    }

    [Fact]
    public async Task A_schedule_keeps_its_rule_and_its_ordered_topics()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var rule = new ScheduleRule(WeekDays.Monday | WeekDays.Wednesday | WeekDays.Thursday, new TimeOnly(18, 30, 15), 180,
            "America/New_York", new DateOnly(2026, 2, 28), new DateOnly(2026, 5, 31));
        // Commas, quotes and non-ASCII must survive the JSON (SQLite) and array (PostgreSQL) encodings.
        string[] topics = ["Relapse prevention", "Grief, \"loss\" and 'anger'", "Ünïcode — naïve café", "Coping skills"];
        var schedule = new Schedule(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, rule, topics);
        await Database.AddAsync(schedule);

        var loaded = await Database.WithDbAsync(db => db.Schedules.SingleAsync(s => s.Id == schedule.Id, Ct));
        Assert.Equal(rule, loaded.Rule);
        Assert.Equal(topics, loaded.Topics);
        Assert.Equivalent(schedule, loaded, strict: true);

        await Database.WithDbAsync(async db =>
        {
            var stored = await db.Schedules.SingleAsync(s => s.Id == schedule.Id, Ct);
            stored.Change(stored.Rule with { Days = WeekDays.Saturday, StartTime = new TimeOnly(9, 0) }, ["Coping skills", "Relapse prevention"]);
            await db.SaveChangesAsync(Ct);
        });
        var changed = await Database.WithDbAsync(db => db.Schedules.SingleAsync(s => s.Id == schedule.Id, Ct));
        Assert.Equal(["Coping skills", "Relapse prevention"], changed.Topics);
        Assert.Equal(WeekDays.Saturday, changed.Days);
        Assert.Equal(new TimeOnly(9, 0), changed.StartTime);
    }

    [Fact]
    public async Task Sessions_keep_their_utc_instants_to_the_microsecond_their_local_date_and_status()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var schedule = new Schedule(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id,
            new ScheduleRule(WeekDays.Sunday, new TimeOnly(18, 0), 180, Seed.Zone, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), []);
        // 18:00 in Chicago on the day daylight saving time starts, given with its local offset and sub-second digits.
        var start = new DateTimeOffset(2026, 3, 8, 18, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_560);
        var planned = new GroupSession(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, schedule.Id,
            new SessionSlot(new DateOnly(2026, 3, 8), start, start.AddHours(3), "Coping skills"));
        var oneOff = new GroupSession(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, null,
            new SessionSlot(new DateOnly(2026, 3, 9), start.AddDays(1), start.AddDays(1).AddMinutes(90), "Family session"));
        oneOff.Cancel();
        await Database.AddAsync(schedule, planned, oneOff);

        var loaded = await Database.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == planned.Id, Ct));
        Assert.Equal(start.UtcTicks, loaded.ScheduledStart.UtcTicks);
        Assert.Equal(TimeSpan.Zero, loaded.ScheduledStart.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), loaded.ScheduledStart);
        Assert.Equivalent(planned, loaded, strict: true);
        var loadedOneOff = await Database.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == oneOff.Id, Ct));
        Assert.Null(loadedOneOff.ScheduleId);
        Assert.Equal(GroupSessionStatus.Cancelled, loadedOneOff.Status);
        Assert.Equivalent(oneOff, loadedOneOff, strict: true);
    }

    [Fact]
    public async Task Enrollments_keep_their_dates_and_status()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var patient = await Seed.PatientAsync(Database, graph.Clinic);
        var open = new Enrollment(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, patient.Id, new DateOnly(2026, 6, 1), null);
        var finished = new Enrollment(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, patient.Id, new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 27));
        finished.ChangeStatus(EnrollmentStatus.Graduated);
        await Database.AddAsync(open, finished);

        Assert.Equivalent(open, await Database.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.Id == open.Id, Ct)), strict: true);
        var loaded = await Database.WithDbAsync(db => db.Enrollments.SingleAsync(e => e.Id == finished.Id, Ct));
        Assert.Equal(EnrollmentStatus.Graduated, loaded.Status);
        Assert.Equal(new DateOnly(2026, 3, 27), loaded.EndDate);
        Assert.Equivalent(finished, loaded, strict: true);
    }

    [Fact]
    public async Task Patient_and_staff_profiles_round_trip()
    {
        var clinic = Seed.Clinic();
        await Database.AddAsync(clinic);
        var patient = await Seed.PatientAsync(Database, clinic);
        var therapist = await Seed.StaffMemberAsync(Database, clinic);
        var deskUser = Seed.User(clinic);
        var desk = new StaffProfile(Guid.NewGuid(), clinic.Id, deskUser.Id, "Front desk", credentials: null);
        await Database.AddAsync(deskUser, desk);

        Assert.Equivalent(patient, await Database.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patient.Id, Ct)), strict: true);
        Assert.Equivalent(therapist, await Database.WithDbAsync(db => db.Staff.SingleAsync(s => s.Id == therapist.Id, Ct)), strict: true);
        var loadedDesk = await Database.WithDbAsync(db => db.Staff.SingleAsync(s => s.Id == desk.Id, Ct));
        Assert.Null(loadedDesk.Credentials);
        Assert.Equivalent(desk, loadedDesk, strict: true);
    }

    private Task AssignTherapistsAsync(Guid groupId, params Guid[] staffIds) => Database.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Id == groupId, Ct);
        group.AssignTherapists(staffIds);
        await db.SaveChangesAsync(Ct);
    });

    private Task<List<Guid>> TherapistIdsAsync(Guid groupId) => Database.WithDbAsync(async db =>
        (await db.Groups.SingleAsync(g => g.Id == groupId, Ct)).Therapists.Select(t => t.StaffId).Order().ToList());

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];
}
