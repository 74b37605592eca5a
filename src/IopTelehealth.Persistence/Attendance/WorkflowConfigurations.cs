using IopTelehealth.Domain.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Attendance;

internal sealed class SessionSignOffConfiguration : IEntityTypeConfiguration<SessionSignOff>
{
    public void Configure(EntityTypeBuilder<SessionSignOff> builder)
    {
        builder.ToTable("AttendanceSignOffs");
        builder.HasKey(s => s.SessionId);
    }
}

internal sealed class AttendanceExcuseConfiguration : IEntityTypeConfiguration<AttendanceExcuse>
{
    public void Configure(EntityTypeBuilder<AttendanceExcuse> builder)
    {
        builder.ToTable("AttendanceExcuses");
        builder.HasKey(e => new { e.SessionId, e.PatientUserId });
        builder.Property(e => e.Reason).HasMaxLength(AttendanceExcuse.ReasonMaxLength);
    }
}

internal sealed class AttendanceAmendmentConfiguration : IEntityTypeConfiguration<AttendanceAmendment>
{
    public void Configure(EntityTypeBuilder<AttendanceAmendment> builder)
    {
        builder.ToTable("AttendanceAmendments");
        builder.Property(a => a.Kind).HasMaxLength(AttendanceAmendment.KindMaxLength);
        builder.Property(a => a.Reason).HasMaxLength(AttendanceExcuse.ReasonMaxLength);
        builder.HasIndex(a => new { a.SessionId, a.At });
    }
}

internal sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.ToTable("FollowUpTasks");
        builder.Property(t => t.Outcome).HasMaxLength(FollowUpTask.OutcomeMaxLength);
        builder.HasMany(t => t.Contacts).WithOne().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(t => new { t.SessionId, t.PatientUserId }).IsUnique();
        builder.HasIndex(t => new { t.ClinicId, t.Status, t.CreatedAt });
    }
}

internal sealed class FollowUpContactConfiguration : IEntityTypeConfiguration<FollowUpContact>
{
    public void Configure(EntityTypeBuilder<FollowUpContact> builder)
    {
        builder.ToTable("FollowUpContacts");
        // Ids are made by the domain: a contact added to a loaded task is new, not an update of a row that does not exist.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Method).HasMaxLength(16);
        builder.Property(c => c.Note).HasMaxLength(FollowUpContact.NoteMaxLength);
    }
}
