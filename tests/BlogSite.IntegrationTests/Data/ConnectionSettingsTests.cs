using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Data;

/// <summary>The settings every connection of the site's store reads and syncs with, however often the pool hands it out.</summary>
[Trait(TestStore.Trait, TestStore.SqliteFile)] // SQLite's pragmas: the Postgres pass leaves these out (see TestStore)
public sealed class ConnectionSettingsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private static async Task<long> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task EveryOpen_HasSynchronousFullAndMappedReads_AlsoWhenThePoolHandsTheConnectionOutAgain()
    {
        for (var open = 0; open < 5; open++)
        {
            var (synchronous, mmap) = await factory.WithDbAsync(async db =>
            {
                await db.Articles.CountAsync();
                await db.Database.OpenConnectionAsync();
                try
                {
                    var connection = db.Database.GetDbConnection();
                    return (await PragmaAsync(connection, "synchronous"), await PragmaAsync(connection, "mmap_size"));
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });

            Assert.Equal(2, synchronous);
            Assert.True(mmap > 0, $"mmap_size is {mmap}");
        }
    }
}
