using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BlogSite.Data.Configurations;

internal sealed class AddressSaltConfiguration : IEntityTypeConfiguration<AddressSalt>
{
    public void Configure(EntityTypeBuilder<AddressSalt> builder)
    {
        // The period is the key, so two instances creating the same period's salt cannot both succeed.
        builder.HasKey(s => s.Period);
        builder.Property(s => s.Period).ValueGeneratedNever();
        builder.Property(s => s.Salt).HasMaxLength(AddressSalt.Length);
    }
}
