using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Tests.Data;

public sealed class StorageFullTests
{
    // /dev/full answers every write with ENOSPC: the error a full media folder gives, without filling a disk.
    [Fact]
    public void Is_ARealDiskFullIOException_True()
    {
        var error = Assert.ThrowsAny<IOException>(() =>
        {
            using var file = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            file.Write(new byte[4096]);
            file.Flush(flushToDisk: true);
        });

        Assert.True(StorageFull.Is(error), $"HResult {error.HResult}: {error.Message}");
        Assert.True(StorageFull.Is(new InvalidOperationException("wrapped", error)));
    }

    [Fact]
    public void Is_SqliteFullThroughEf_True_AndOtherFailuresFalse()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();
        db.Categories.Add(new Category { Name = "Notes", Slug = "notes" });
        db.SaveChanges();
        db.Database.OpenConnection();
        var pages = db.Database.SqlQueryRaw<long>("SELECT page_count AS Value FROM pragma_page_count").Single();
        var connection = db.Database.GetDbConnection();
        using (var command = connection.CreateCommand())
        {
            // A pragma takes no parameters; the number comes from SQLite itself.
            command.CommandText = "PRAGMA max_page_count = " + pages.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
        }

        db.Categories.Add(new Category { Name = new string('n', 50_000), Slug = "big" });
        var full = Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.Categories.Add(new Category { Name = "Again", Slug = "notes" });
        var duplicate = Assert.Throws<DbUpdateException>(() => db.SaveChanges());

        Assert.True(StorageFull.Is(full));
        Assert.False(StorageFull.Is(duplicate));
        Assert.False(StorageFull.Is(new IOException("The file is locked.")));
        Assert.False(StorageFull.Is(null));
    }
}
