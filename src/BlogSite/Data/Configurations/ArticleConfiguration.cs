using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>Each article's Markdown and plain text (see ArticleBody).</summary>
    public const string ArticleBodies = "ArticleBodies";

    public const int ImportedFromMaxLength = 200;

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => new { a.Status, a.PublishedAt });

        // Reader lists filter on the bin, the status and the date and read newest first: these serve the filter,
        // the order and a bounded count from the index alone (the rowid, Id, breaks ties).
        builder.HasIndex(a => new { a.Status, a.DeletedAt, a.PublishedAt });
        builder.HasIndex(a => new { a.CategoryId, a.Status, a.DeletedAt, a.PublishedAt });
        builder.HasIndex(a => new { a.AuthorId, a.Status, a.DeletedAt, a.PublishedAt });
        builder.HasIndex(a => a.SourcePath);

        // Status, date and bin are stored after the body, so reading them from a row walks its overflow pages; a
        // search probes whether each match is visible through this index instead (see SqliteFullTextIndex.VisibleIndex).
        builder.HasIndex(a => new { a.Id, a.Status, a.PublishedAt, a.DeletedAt }, SqliteFullTextIndex.VisibleIndex);

        // The admin list: last changed first.
        builder.HasIndex(a => a.UpdatedAt);
        builder.Property(a => a.Slug).HasMaxLength(Slug.MaxLength);
        builder.Property(a => a.Title).HasMaxLength(Article.MaxTitleLength);
        builder.Property(a => a.Summary).HasMaxLength(Article.MaxSummaryLength);
        builder.Property(a => a.AuthorName).HasMaxLength(100);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.SourcePath).HasMaxLength(400);
        builder.Property(a => a.SourceHash).HasMaxLength(64);
        builder.Property(a => a.ImportedFrom).HasMaxLength(ImportedFromMaxLength);
        builder.HasIndex(a => a.ImportedFrom).IsUnique();
        builder.HasOne(a => a.Category).WithMany(c => c.Articles)
            .HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BlogUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Tags).WithMany(t => t.Articles)
            .UsingEntity("ArticleTags", tags =>
            {
                tags.ToTable(table => table.UseSqlReturningClause(false));

                // A tag's page and related articles go from the tag to its articles without reading the table.
                tags.HasIndex("TagsId", "ArticlesId");
            });

        // The search index's triggers watch this table, ArticleBodies and ArticleTags (see SqliteFullTextIndex).
        builder.ToTable(table => table.UseSqlReturningClause(false));
        builder.OwnsOne(a => a.Body, body =>
        {
            body.ToTable(ArticleBodies, table => table.UseSqlReturningClause(false));
            body.WithOwner().HasForeignKey("ArticleId");
            body.Property(b => b.Markdown).HasColumnName("Body");
        });
        builder.Navigation(a => a.Body).IsRequired();

        // An article in the bin is invisible to every query but the Admin's bin (IgnoreQueryFilters).
        builder.HasQueryFilter(a => a.DeletedAt == null);
    }
}
