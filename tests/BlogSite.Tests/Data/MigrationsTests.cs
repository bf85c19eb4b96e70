using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Tests.Data;

public sealed class MigrationsTests
{
    // Start-up applies migrations only when one is pending, so a model change without a migration would go unnoticed there.
    [Fact]
    public void Model_HasNoChangesMissingAMigration()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
