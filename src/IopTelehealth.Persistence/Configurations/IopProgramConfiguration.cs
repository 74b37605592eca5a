using IopTelehealth.Domain.Clinics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class IopProgramConfiguration : IEntityTypeConfiguration<IopProgram>
{
    public void Configure(EntityTypeBuilder<IopProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Name).HasMaxLength(IopProgram.NameMaxLength);
        builder.Ignore(p => p.Settings);
        builder.Property(p => p.EscalateAfterMisses).HasDefaultValue(IopProgram.DefaultEscalateAfterMisses);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.ClinicId, p.Name }).IsUnique();
    }
}
