using BlogSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Tests.Support;

/// <summary>
/// A real SQLite database in memory, built by the real migrations. The connection stays open for the
/// test's lifetime because an in-memory SQLite database lives only as long as its connection.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    /// <param name="migrate">False leaves the database empty, for a test that applies migrations itself.</param>
    public TestDatabase(bool migrate = true)
    {
        connection.Open();
        if (migrate)
        {
            using var db = CreateContext();
            db.Database.Migrate();
        }
    }

    /// <summary>A fresh context on the same database, so reads see what was saved rather than tracked.</summary>
    public BlogDbContext CreateContext() => CreateContext([]);

    /// <summary>A fresh context on the same database whose commands pass through <paramref name="interceptors"/>.</summary>
    public BlogDbContext CreateContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options);

    public void Dispose() => connection.Dispose();
}
