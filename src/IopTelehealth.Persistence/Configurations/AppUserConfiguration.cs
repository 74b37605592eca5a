using IopTelehealth.Domain.Clinics;
using IopTelehealth.Identity.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ClinicId);
    }
}
