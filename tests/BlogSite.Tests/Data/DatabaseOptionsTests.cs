using BlogSite.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void ReadStore_WithNothingSet_IsSqliteOnItsDefaultFile()
    {
        var store = DatabaseOptions.ReadStore(Configuration([]));

        Assert.Equal(new BlogStore(DatabaseProvider.Sqlite, null), store);
    }

    [Fact]
    public void ReadStore_Postgres_TakesTheConnectionString()
    {
        var store = DatabaseOptions.ReadStore(Configuration(new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Blog"] = "Host=db;Database=blog;Username=blog",
        }));

        Assert.Equal(new BlogStore(DatabaseProvider.Postgres, "Host=db;Database=blog;Username=blog"), store);
        Assert.False(store.IsSqlite);
    }

    [Fact]
    public void ReadStore_AnUnknownProvider_IsRefusedNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseOptions.ReadStore(Configuration(new() { ["Database:Provider"] = "MySql" })));

        Assert.Contains("Database:Provider is 'MySql'; it must be Sqlite or Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadStore_PostgresWithoutAConnectionString_IsRefusedNamingBothKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => DatabaseOptions.ReadStore(Configuration(new() { ["Database:Provider"] = "Postgres" })));

        Assert.Contains("Database:Provider is Postgres but ConnectionStrings:Blog is empty", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
