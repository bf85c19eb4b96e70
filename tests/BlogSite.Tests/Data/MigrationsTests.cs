using BlogSite.Data;
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

    // The model and the snapshot are compared without a server: Npgsql needs one only to connect.
    [Fact]
    public void PostgresModel_HasNoChangesMissingAMigration()
    {
        using var db = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options("Host=localhost;Database=not-connected"));

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void EachProvider_HasOnlyItsOwnMigrations()
    {
        using var database = new TestDatabase(migrate: false);
        using var sqlite = database.CreateContext();
        using var postgres = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options("Host=localhost;Database=not-connected"));

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.Equal("20261126232759_InitialCreate", sqliteMigrations[0]);
        Assert.Equal(["20261202172506_InitialCreate", "20261202175209_Search", "20261202181551_AddressSalts", "20261203141553_Email", "20261203150832_ReaderSubscriptions"], postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }
}
