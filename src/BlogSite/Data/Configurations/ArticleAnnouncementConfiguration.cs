using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ArticleAnnouncementConfiguration : IEntityTypeConfiguration<ArticleAnnouncement>
{
    public void Configure(EntityTypeBuilder<ArticleAnnouncement> builder)
    {
        // The article is the key: two instances announcing one article cannot both insert its row.
        builder.HasKey(a => a.ArticleId);
        builder.Property(a => a.ArticleId).ValueGeneratedNever();
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CompletedAt);
        builder.HasIndex(a => a.AnnouncedAt);
    }
}
