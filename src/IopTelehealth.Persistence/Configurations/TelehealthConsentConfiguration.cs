using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class TelehealthConsentConfiguration : IEntityTypeConfiguration<TelehealthConsent>
{
    public void Configure(EntityTypeBuilder<TelehealthConsent> builder)
    {
        builder.ToTable("TelehealthConsents");
        builder.Property(c => c.Version).HasMaxLength(Clinic.ConsentVersionMaxLength);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(c => c.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PatientProfile>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PatientId, c.Version }).IsUnique();
    }
}
