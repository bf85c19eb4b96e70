using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ArticleAliasConfiguration : IEntityTypeConfiguration<ArticleAlias>
{
    public void Configure(EntityTypeBuilder<ArticleAlias> builder)
    {
        builder.HasIndex(a => a.Path).IsUnique();
        builder.HasIndex(a => a.ArticleId);
        builder.Property(a => a.Path).HasMaxLength(ArticleRules.MaxAliasLength);
        builder.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
