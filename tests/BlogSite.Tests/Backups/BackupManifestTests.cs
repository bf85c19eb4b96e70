using System.Text.Json;
using BlogSite.Backups;

namespace BlogSite.Tests.Backups;

public sealed class BackupManifestTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static BackupManifest Good(params BackupPart[] media) => new(BackupManifest.CurrentFormat,
        new DateTimeOffset(2026, 12, 2, 1, 30, 0, TimeSpan.Zero), "1.0.0", "20261201221955_UserDisabling",
        new Dictionary<string, long> { ["Articles"] = 3, ["Comments"] = 7 },
        [new BackupPart(BackupManifest.DatabasePart, 4096, Hash), .. media]);

    [Fact]
    public void Json_RoundTrips()
    {
        var manifest = Good(new BackupPart("media/ab.png", 10, Hash));

        var read = BackupManifest.FromJson(manifest.ToJson());

        Assert.Equal(manifest.CreatedAt, read.CreatedAt);
        Assert.Equal(manifest.SchemaVersion, read.SchemaVersion);
        Assert.Equal(manifest.Tables, read.Tables);
        Assert.Equal(manifest.Parts, read.Parts);
        Assert.Null(read.Problem());
    }

    [Fact]
    public void Json_UsesCamelCaseNames()
    {
        using var json = JsonDocument.Parse(Good().ToJson());

        Assert.Equal("20261201221955_UserDisabling", json.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal(Hash, json.RootElement.GetProperty("parts")[0].GetProperty("sha256").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("tables").GetProperty("Comments").GetInt64());
    }

    [Theory]
    [InlineData("media/../escape.png")]
    [InlineData("media/a/../../escape.png")]
    [InlineData("../escape.png")]
    [InlineData("/etc/passwd")]
    [InlineData("media/")]
    [InlineData("media//a.png")]
    [InlineData("media/.hidden")]
    [InlineData("media/a\\..\\b.png")]
    [InlineData("media/c:.png")]
    [InlineData("other/a.png")]
    public void APathOutsideTheMediaFolder_IsAProblem(string path)
    {
        Assert.Contains("not a plain path", Good(new BackupPart(path, 1, Hash)).Problem(), StringComparison.Ordinal);
        Assert.False(BackupManifest.IsSafeMediaPath(path));
    }

    [Theory]
    [InlineData("media/ab.png")]
    [InlineData("media/2026/12/ab.png")]
    public void APlainMediaPath_IsSafe(string path) => Assert.True(BackupManifest.IsSafeMediaPath(path));

    [Fact]
    public void AFileListedTwice_IsAProblem() =>
        Assert.Contains("twice", Good(new BackupPart("media/a.png", 1, Hash), new BackupPart("media/a.png", 1, Hash)).Problem(), StringComparison.Ordinal);

    [Fact]
    public void NoDatabase_IsAProblem() =>
        Assert.Contains("blog.db 0 times", (Good() with { Parts = [new BackupPart("media/a.png", 1, Hash)] }).Problem(), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    [InlineData("9f86d081")]
    public void ABadHash_IsAProblem(string hash) =>
        Assert.Contains("no valid size and SHA-256", Good(new BackupPart("media/a.png", 1, hash)).Problem(), StringComparison.Ordinal);

    [Fact]
    public void ANegativeSize_IsAProblem() =>
        Assert.Contains("no valid size", Good(new BackupPart("media/a.png", -1, Hash)).Problem(), StringComparison.Ordinal);

    [Fact]
    public void ANewerFormat_IsAProblem() =>
        Assert.Contains("format 2", (Good() with { Format = 2 }).Problem(), StringComparison.Ordinal);

    [Fact]
    public void AManifestWithoutItsLists_IsAProblem() =>
        Assert.Contains("lacks", BackupManifest.FromJson("""{"format":1,"schemaVersion":"x"}"""u8).Problem(), StringComparison.Ordinal);
}
