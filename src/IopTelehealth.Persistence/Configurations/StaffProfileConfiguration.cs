using IopTelehealth.Domain.Clinics;
using IopTelehealth.Domain.People;
using IopTelehealth.Identity.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class StaffProfileConfiguration : IEntityTypeConfiguration<StaffProfile>
{
    public void Configure(EntityTypeBuilder<StaffProfile> builder)
    {
        builder.ToTable("StaffMembers");
        builder.Property(s => s.DisplayName).HasMaxLength(StaffProfile.NameMaxLength);
        builder.Property(s => s.Credentials).HasMaxLength(StaffProfile.CredentialsMaxLength);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<StaffProfile>(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.UserId).IsUnique();
    }
}
