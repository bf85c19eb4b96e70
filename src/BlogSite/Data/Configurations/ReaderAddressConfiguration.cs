using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ReaderAddressConfiguration : IEntityTypeConfiguration<ReaderAddress>
{
    public void Configure(EntityTypeBuilder<ReaderAddress> builder)
    {
        builder.HasIndex(a => a.Email).IsUnique();
        builder.HasIndex(a => a.Secret).IsUnique();

        // The per-requester limit counts one client's confirmations in the window; the clean-up finds the unconfirmed by age.
        builder.HasIndex(a => new { a.ConfirmationRequestedBy, a.ConfirmationSentAt });
        builder.HasIndex(a => new { a.ConfirmedAt, a.CreatedAt });
        builder.Property(a => a.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(a => a.Secret).HasMaxLength(ReaderAddress.SecretLength);
        builder.Property(a => a.ConfirmationRequestedBy).HasMaxLength(CommentReport.AddressHashLength);
        builder.HasMany(a => a.ReplySubscriptions).WithOne(s => s.ReaderAddress).HasForeignKey(s => s.ReaderAddressId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.ArticleSubscription).WithOne(s => s.ReaderAddress)
            .HasForeignKey<ArticleSubscription>(s => s.ReaderAddressId).OnDelete(DeleteBehavior.Cascade);
    }
}
