using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Audit;
using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.Identity.Users;
using IopTelehealth.Persistence.Attendance;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace IopTelehealth.Persistence;

/// <summary>
/// The durable model: accounts (Identity), OpenIddict's applications/authorizations/tokens, the clinic and program
/// model and the audit log. Provider-specific subclasses carry their own migrations.
/// </summary>
public abstract class IopDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<IopProgram> Programs => Set<IopProgram>();

    public DbSet<TherapyGroup> Groups => Set<TherapyGroup>();

    public DbSet<Schedule> Schedules => Set<Schedule>();

    public DbSet<GroupSession> Sessions => Set<GroupSession>();

    public DbSet<Enrollment> Enrollments => Set<Enrollment>();

    public DbSet<PatientProfile> Patients => Set<PatientProfile>();

    public DbSet<StaffProfile> Staff => Set<StaffProfile>();

    public DbSet<TelehealthConsent> TelehealthConsents => Set<TelehealthConsent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AttendanceEventRow> AttendanceEvents => Set<AttendanceEventRow>();

    public DbSet<AttendanceIntervalRow> AttendanceIntervals => Set<AttendanceIntervalRow>();

    public DbSet<SessionSignOff> AttendanceSignOffs => Set<SessionSignOff>();

    public DbSet<AttendanceExcuse> AttendanceExcuses => Set<AttendanceExcuse>();

    public DbSet<AttendanceAmendment> AttendanceAmendments => Set<AttendanceAmendment>();

    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();

    public DbSet<FollowUpRun> FollowUpRuns => Set<FollowUpRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.ApplyConfigurationsFromAssembly(typeof(IopDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log is append-only; database triggers enforce the same for anyone bypassing EF.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }

        // Attendance evidence is append-only too: recorded facts and post-sign-off amendments are never edited.
        if (ChangeTracker.Entries<AttendanceEventRow>().Any(e => e.State is EntityState.Modified or EntityState.Deleted)
            || ChangeTracker.Entries<AttendanceAmendment>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Attendance events and amendments are append-only.");
        }
    }
}
