using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class BlogUserConfiguration : IEntityTypeConfiguration<BlogUser>
{
    public void Configure(EntityTypeBuilder<BlogUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(BlogUser.MaxDisplayNameLength);
        builder.Property(u => u.Slug).HasMaxLength(Domain.Slug.MaxLength);
        builder.HasIndex(u => u.Slug).IsUnique();
        builder.Ignore(u => u.IsDisabled);
    }
}
