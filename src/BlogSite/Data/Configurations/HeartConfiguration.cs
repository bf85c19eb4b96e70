using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class HeartConfiguration : IEntityTypeConfiguration<Heart>
{
    public void Configure(EntityTypeBuilder<Heart> builder)
    {
        builder.HasIndex(h => new { h.ArticleId, h.ReaderKey }).IsUnique();
        builder.Property(h => h.ReaderKey).HasMaxLength(64);
        builder.HasOne<Article>().WithMany().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
