using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(c => c.Name).HasMaxLength(Tag.MaxNameLength);
        // The search index's triggers watch tag names (see SqliteFullTextIndex).
        builder.ToTable(table => table.UseSqlReturningClause(false));
    }
}
