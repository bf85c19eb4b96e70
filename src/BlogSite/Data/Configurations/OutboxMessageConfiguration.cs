using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        // One message per event and person, however often the event is replayed.
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();

        // The worker's claim reads the due messages of one status in order of their next attempt.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // /admin/email lists newest first, all or of one status.
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => new { m.Status, m.CreatedAt });
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.MaxKindLength);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(OutboxMessage.MaxKeyLength);
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.MaxAddressLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.MaxSubjectLength);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(OutboxMessage.MaxUrlLength);
        builder.Property(m => m.ClaimToken).HasMaxLength(32);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
    }
}
