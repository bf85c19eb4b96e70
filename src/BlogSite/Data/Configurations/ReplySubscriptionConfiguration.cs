using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ReplySubscriptionConfiguration : IEntityTypeConfiguration<ReplySubscription>
{
    public void Configure(EntityTypeBuilder<ReplySubscription> builder)
    {
        // A new reply finds its thread's subscribers by their comments; "stop all reply mail" finds an address's.
        builder.HasIndex(s => s.CommentId).IsUnique();
        builder.HasIndex(s => s.ReaderAddressId);
        builder.HasOne(s => s.Comment).WithMany().HasForeignKey(s => s.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
