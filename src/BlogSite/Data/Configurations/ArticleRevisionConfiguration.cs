using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasIndex(r => new { r.ArticleId, r.CreatedAt });
        builder.Property(r => r.SavedByName).HasMaxLength(100);
        builder.Property(r => r.Title).HasMaxLength(Article.MaxTitleLength);
        builder.Property(r => r.Summary).HasMaxLength(Article.MaxSummaryLength);
        builder.Property(r => r.Note).HasMaxLength(ArticleRevision.MaxNoteLength);
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BlogUser>().WithMany().HasForeignKey(r => r.SavedById).OnDelete(DeleteBehavior.SetNull);
    }
}
