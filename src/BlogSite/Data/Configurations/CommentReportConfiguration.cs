using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> builder)
    {
        builder.HasIndex(r => new { r.CommentId, r.ReaderKey }).IsUnique();
        builder.Property(r => r.ReaderKey).HasMaxLength(64);
        builder.Property(r => r.AddressHash).HasMaxLength(CommentReport.AddressHashLength);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
