using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => c.PosterHash);

        // The article page reads one page of an article's threads in order and counts them; then the replies of
        // those threads, each in order. Both come from the index (the rowid, Id, breaks ties).
        builder.HasIndex(c => new { c.ArticleId, c.Status, c.ParentId, c.CreatedAt });
        builder.HasIndex(c => new { c.ParentId, c.Status, c.CreatedAt });
        builder.Property(c => c.AuthorName).HasMaxLength(Comment.MaxNameLength);
        builder.Property(c => c.Email).HasMaxLength(Comment.MaxEmailLength);
        builder.Property(c => c.HeldReason).HasMaxLength(200);
        builder.Property(c => c.PosterHash).HasMaxLength(64);
        builder.Property(c => c.ReaderKey).HasMaxLength(64);
        builder.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Parent).WithMany(c => c.Replies).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
