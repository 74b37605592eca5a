using IopTelehealth.Domain.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Attendance;

internal sealed class AttendanceEventRowConfiguration : IEntityTypeConfiguration<AttendanceEventRow>
{
    public void Configure(EntityTypeBuilder<AttendanceEventRow> builder)
    {
        builder.ToTable("AttendanceEvents");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).HasMaxLength(AttendanceEvent.EventIdMaxLength);
        builder.Property(e => e.Location).HasMaxLength(AttendanceEvent.LocationMaxLength);
        // No foreign keys: the ledger is evidence and outlives sessions and accounts it mentions.
        builder.HasIndex(e => new { e.SessionId, e.UserId });
    }
}

internal sealed class AttendanceIntervalRowConfiguration : IEntityTypeConfiguration<AttendanceIntervalRow>
{
    public void Configure(EntityTypeBuilder<AttendanceIntervalRow> builder)
    {
        builder.ToTable("AttendanceIntervals");
        builder.Property(i => i.StartEventId).HasMaxLength(AttendanceEvent.EventIdMaxLength);
        builder.Property(i => i.EndEventId).HasMaxLength(AttendanceEvent.EventIdMaxLength);
        builder.HasIndex(i => new { i.SessionId, i.UserId, i.Start });
        builder.HasIndex(i => new { i.UserId, i.Start });
        // The database itself refuses a second open interval for one person in one session.
        builder.HasIndex(i => new { i.SessionId, i.UserId }).IsUnique().HasFilter("\"End\" IS NULL").HasDatabaseName("IX_AttendanceIntervals_OneOpen");
    }
}

internal sealed class AttendanceSessionLockConfiguration : IEntityTypeConfiguration<AttendanceSessionLock>
{
    public void Configure(EntityTypeBuilder<AttendanceSessionLock> builder)
    {
        builder.ToTable("AttendanceSessionLocks");
        builder.HasKey(l => l.SessionKey);
        builder.Property(l => l.SessionKey).HasMaxLength(32);
    }
}

internal sealed class FollowUpRunConfiguration : IEntityTypeConfiguration<FollowUpRun>
{
    public void Configure(EntityTypeBuilder<FollowUpRun> builder)
    {
        builder.ToTable("FollowUpRuns");
        builder.HasKey(r => r.SessionId);
    }
}
