using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ArticleSubscriptionConfiguration : IEntityTypeConfiguration<ArticleSubscription>
{
    public void Configure(EntityTypeBuilder<ArticleSubscription> builder)
    {
        builder.HasIndex(s => s.ReaderAddressId).IsUnique();

        // An announcement walks one frequency's subscribers in address order, a batch at a time; a digest finds those
        // whose last digest is older than its time.
        builder.HasIndex(s => new { s.Frequency, s.ReaderAddressId });
        builder.HasIndex(s => new { s.Frequency, s.DigestedUntil });
    }
}
