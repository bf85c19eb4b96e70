using System.Net;
using Microsoft.Data.Sqlite;

namespace BlogSite.IntegrationTests.Health;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task Healthz_WithTheDatabase_Is200Healthy(string path)
    {
        using var factory = new BlogFactory();

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteFile)] // the SQLite file overwritten under the site
    public async Task Ready_WhenTheDatabaseFileIsNotADatabase_Is503ButAliveStays200()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(factory.DatabasePath + suffix);
        }

        await File.WriteAllTextAsync(factory.DatabasePath, new string('x', 4096));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
