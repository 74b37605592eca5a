using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence.Tests;

public abstract partial class PersistenceSpecification
{
    [Fact]
    public async Task A_program_name_is_unique_within_a_clinic_but_not_across_clinics()
    {
        var clinic = Seed.Clinic();
        var other = Seed.Clinic();
        await Database.AddAsync(clinic, other, Seed.Program(clinic, "Evening IOP"));

        await Assert.ThrowsAsync<DbUpdateException>(() => Database.AddAsync(Seed.Program(clinic, "Evening IOP")));
        await Database.AddAsync(Seed.Program(other, "Evening IOP"));

        Assert.Equal(1, await Database.WithDbAsync(db => db.Programs.CountAsync(p => p.ClinicId == clinic.Id, Ct)));
        Assert.Equal(1, await Database.WithDbAsync(db => db.Programs.CountAsync(p => p.ClinicId == other.Id, Ct)));
    }

    [Fact]
    public async Task A_patient_enrolls_in_a_group_once_per_start_date()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var patient = await Seed.PatientAsync(Database, graph.Clinic);
        var start = new DateOnly(2026, 4, 6);
        await Database.AddAsync(Enroll(graph, patient.Id, start));

        await Assert.ThrowsAsync<DbUpdateException>(() => Database.AddAsync(Enroll(graph, patient.Id, start)));
        // A later re-admission to the same group is a new enrollment.
        await Database.AddAsync(Enroll(graph, patient.Id, start.AddDays(60)));

        Assert.Equal(2, await Database.WithDbAsync(db => db.Enrollments.CountAsync(e => e.GroupId == graph.Group.Id, Ct)));
    }

    [Fact]
    public async Task A_program_that_still_has_groups_cannot_be_deleted()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var empty = Seed.Program(graph.Clinic);
        await Database.AddAsync(empty);

        // Only the program is loaded, so it is the database (not EF's change tracker) that must refuse.
        await Assert.ThrowsAsync<DbUpdateException>(() => DeleteProgramAsync(graph.Program.Id));
        await DeleteProgramAsync(empty.Id);

        Assert.True(await Database.WithDbAsync(db => db.Programs.AnyAsync(p => p.Id == graph.Program.Id, Ct)));
        Assert.False(await Database.WithDbAsync(db => db.Programs.AnyAsync(p => p.Id == empty.Id, Ct)));
    }

    [Fact]
    public async Task A_session_of_a_group_that_does_not_exist_is_refused()
    {
        var graph = await Seed.ClinicWithGroupAsync(Database);
        var start = new DateTimeOffset(2026, 5, 4, 23, 0, 0, TimeSpan.Zero);
        var orphan = new GroupSession(Guid.NewGuid(), graph.Clinic.Id, Guid.NewGuid(), null,
            new SessionSlot(new DateOnly(2026, 5, 4), start, start.AddHours(3), "Coping skills"));

        await Assert.ThrowsAsync<DbUpdateException>(() => Database.AddAsync(orphan));

        Assert.False(await Database.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Id == orphan.Id, Ct)));
    }

    private Task DeleteProgramAsync(Guid programId) => Database.WithDbAsync(async db =>
    {
        db.Programs.Remove(await db.Programs.SingleAsync(p => p.Id == programId, Ct));
        await db.SaveChangesAsync(Ct);
    });

    private static Enrollment Enroll(ClinicGraph graph, Guid patientId, DateOnly start) =>
        new(Guid.NewGuid(), graph.Clinic.Id, graph.Group.Id, patientId, start, null);
}
