using IopTelehealth.Domain.Clinics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.ToTable("Clinics");
        builder.Property(c => c.Name).HasMaxLength(Clinic.NameMaxLength);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Ignore(c => c.TimeZone);
        builder.Property(c => c.ConsentVersion).HasMaxLength(Clinic.ConsentVersionMaxLength);
        builder.Property(c => c.ConsentText).HasMaxLength(Clinic.ConsentTextMaxLength);
    }
}
