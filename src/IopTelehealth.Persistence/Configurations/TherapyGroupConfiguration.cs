using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class TherapyGroupConfiguration : IEntityTypeConfiguration<TherapyGroup>
{
    public void Configure(EntityTypeBuilder<TherapyGroup> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.Name).HasMaxLength(TherapyGroup.NameMaxLength);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(g => g.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IopProgram>().WithMany().HasForeignKey(g => g.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Therapists).WithOne().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Therapists).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class GroupTherapistConfiguration : IEntityTypeConfiguration<GroupTherapist>
{
    public void Configure(EntityTypeBuilder<GroupTherapist> builder)
    {
        builder.ToTable("GroupTherapists");
        builder.HasKey(t => new { t.GroupId, t.StaffId });
        builder.HasOne<StaffProfile>().WithMany().HasForeignKey(t => t.StaffId).OnDelete(DeleteBehavior.Cascade);
    }
}
