using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class GroupSessionConfiguration : IEntityTypeConfiguration<GroupSession>
{
    public void Configure(EntityTypeBuilder<GroupSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Topic).HasMaxLength(GroupSession.TopicMaxLength);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TherapyGroup>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        // Sessions outlive a deleted schedule: their attendance is billing history.
        builder.HasOne<Schedule>().WithMany().HasForeignKey(s => s.ScheduleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.GroupId, s.ScheduledStart });
        builder.HasIndex(s => new { s.ClinicId, s.ScheduledStart });
    }
}
