using IopTelehealth.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IopTelehealth.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.IpAddress).HasMaxLength(AuditEntry.IpMaxLength);
        builder.Property(a => a.TargetType).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.Property(a => a.TargetId).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        // No foreign keys: audit rows outlive the accounts and clinics they mention.
        builder.HasIndex(a => new { a.ClinicId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}
