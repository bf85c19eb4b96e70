using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class ModerationEventConfiguration : IEntityTypeConfiguration<ModerationEvent>
{
    public void Configure(EntityTypeBuilder<ModerationEvent> builder)
    {
        builder.HasIndex(e => new { e.CommentId, e.At });
        builder.HasIndex(e => e.At);
        builder.Property(e => e.ActorName).HasMaxLength(BlogUser.MaxDisplayNameLength);
        builder.Property(e => e.Note).HasMaxLength(ModerationEvent.MaxNoteLength);
        builder.HasOne(e => e.Comment).WithMany().HasForeignKey(e => e.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
