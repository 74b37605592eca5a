using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Identity.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class PatientProfileConfiguration : IEntityTypeConfiguration<PatientProfile>
{
    public void Configure(EntityTypeBuilder<PatientProfile> builder)
    {
        builder.ToTable("Patients");
        builder.Property(p => p.LegalName).HasMaxLength(PatientProfile.NameMaxLength);
        builder.Property(p => p.DisplayAlias).HasMaxLength(PatientProfile.AliasMaxLength);
        builder.Property(p => p.EmergencyContactName).HasMaxLength(PatientProfile.NameMaxLength);
        builder.Property(p => p.EmergencyContactPhone).HasMaxLength(PatientProfile.PhoneMaxLength);
        builder.Ignore(p => p.EmergencyContact);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<PatientProfile>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.UserId).IsUnique();
    }
}
