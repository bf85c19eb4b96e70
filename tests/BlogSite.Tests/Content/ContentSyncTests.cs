using System.Text;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Content;

public sealed class ContentSyncTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database = new();
    private readonly string root = Directory.CreateTempSubdirectory("blogsite-tests-").FullName;
    private readonly FakeTimeProvider clock = new(Start);
    private readonly CapturingLogger<ContentSync> log = new();
    private readonly MarkdownRenderer renderer = Renderers.Create();

    private string Folder => Path.Combine(root, "content");

    public ContentSyncTests() => Directory.CreateDirectory(Folder);

    public void Dispose()
    {
        renderer.Dispose();
        database.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private async Task<ContentSyncResult> SyncAsync(int maxFileBytes = 1_000_000)
    {
        await using var db = database.CreateContext();
        // A relative path, resolved against the content root as in the app.
        var options = Options.Create(new ContentOptions { Path = "content", MaxFileBytes = maxFileBytes });
        var changes = new BlogChanges([], NullLogger<BlogChanges>.Instance);
        var work = new SiteWork(new BlogStore(DatabaseProvider.Sqlite, null), NullLogger<SiteWork>.Instance);
        var sync = new ContentSync(work, db, new ArticleWriter(db, renderer, changes, clock), changes, clock, options, new FakeHostEnvironment(root), log);
        return await sync.SyncAsync(CancellationToken.None);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private string CreateFolder(string name) => Directory.CreateDirectory(Path.Combine(Folder, name)).FullName;

    private static string Post(string title, string extraHeader = "", string body = "Some words here.\n") =>
        $"---\ntitle: {title}\ncategory: Tech\n{extraHeader}---\n{body}";

    private async Task<List<Article>> ArticlesAsync()
    {
        await using var db = database.CreateContext();
        return await db.Articles.Include(a => a.Category).Include(a => a.Tags).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<Article> ArticleAsync(string sourcePath) =>
        Assert.Single(await ArticlesAsync(), a => a.SourcePath == sourcePath);

    [Fact]
    public async Task SyncAsync_NewFiles_AddedWithCategoryTagsAndCounts()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 460));
        Write("sizing-go-worker-pools.md", Post("Sizing Go worker pools",
            "summary: How many goroutines?\ntags: [go, Concurrency]\nauthor: Ana\ndate: 2026-06-01\nads: false\n", $"## Why\n\n{words}\n"));
        Write("2026/ef-core.md", Post("EF Core query counts", "tags: [dotnet, go]\n"));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(Added: 2, Updated: 0, Unpublished: 0, Skipped: 0), result);
        var go = await ArticleAsync("sizing-go-worker-pools.md");
        Assert.Equal("sizing-go-worker-pools", go.Slug);
        Assert.Equal("Sizing Go worker pools", go.Title);
        Assert.Equal("How many goroutines?", go.Summary);
        Assert.Equal("Ana", go.AuthorName);
        Assert.Equal(("tech", "Tech"), (go.Category!.Slug, go.Category.Name));
        Assert.Equal(["concurrency", "go"], go.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal));
        Assert.Equal(461, go.WordCount);
        Assert.Equal(3, go.ReadingMinutes);
        Assert.Equal(MarkdownRenderer.HashOf($"## Why\n\n{words}\n"), go.ContentHash);
        Assert.Equal(ArticleStatus.Published, go.Status);
        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), go.PublishedAt);
        Assert.Equal(Start.UtcDateTime, go.CreatedAt);
        Assert.True(go.AdsOff);
        Assert.False(go.CommentsClosed);

        var ef = await ArticleAsync("2026/ef-core.md");
        Assert.Equal("ef-core", ef.Slug);
        Assert.Equal(go.CategoryId, ef.CategoryId);
        Assert.Equal(Start.UtcDateTime, ef.PublishedAt);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Categories.CountAsync());
        Assert.Equal(3, await db.Tags.CountAsync());
    }

    [Fact]
    public async Task SyncAsync_UnchangedFile_NotUpdated()
    {
        Write("a.md", Post("A"));
        await SyncAsync();
        clock.Advance(TimeSpan.FromHours(1));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 0, 0, 0), result);
        var article = await ArticleAsync("a.md");
        Assert.Equal(Start.UtcDateTime, article.UpdatedAt);
    }

    [Fact]
    public async Task SyncAsync_ChangedFileWithTheSameTags_KeepsThem()
    {
        Write("a.md", Post("A", "tags: [testing, go]\n", "One two.\n"));
        await SyncAsync();
        Write("a.md", Post("A", "tags: [go, testing, dotnet]\n", "One two three.\n"));

        await SyncAsync();

        var after = await ArticleAsync("a.md");
        Assert.Equal(["dotnet", "go", "testing"], after.Tags.Select(t => t.Slug).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_ChangedFile_Updated()
    {
        Write("a.md", Post("A", body: "One two.\n"));
        await SyncAsync();
        var before = await ArticleAsync("a.md");
        clock.Advance(TimeSpan.FromHours(1));
        Write("a.md", Post("A, revised", "tags: [testing]\n", "One two three four.\n"));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 1, 0, 0), result);
        var after = await ArticleAsync("a.md");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("A, revised", after.Title);
        Assert.Equal(4, after.WordCount);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.Equal(["testing"], after.Tags.Select(t => t.Slug));
        Assert.Equal(Start.UtcDateTime, after.CreatedAt);
        Assert.Equal(Start.UtcDateTime.AddHours(1), after.UpdatedAt);
        Assert.Equal(before.PublishedAt, after.PublishedAt);
    }

    [Fact]
    public async Task SyncAsync_RemovedFile_Unpublished()
    {
        var removed = Write("removed.md", Post("Removed"));
        Write("kept.md", Post("Kept"));
        await SyncAsync();
        File.Delete(removed);

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 0, 1, 0), result);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync("removed.md")).Status);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync("kept.md")).Status);
        Assert.Contains(log.Entries, e => e.Message.Contains("removed.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_RemovedFileRestored_PublishedAgain()
    {
        var path = Write("a.md", Post("A"));
        await SyncAsync();
        File.Delete(path);
        await SyncAsync();
        Write("a.md", Post("A"));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 1, 0, 0), result);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync("a.md")).Status);
    }

    [Fact]
    public async Task SyncAsync_BadFrontMatter_SkippedAndNamedOthersSynced()
    {
        Write("a-good.md", Post("Good one"));
        Write("b-broken.md", "---\ncategory: Tech\n---\nNo title.\n");
        Write("c-good.md", Post("Good two"));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(Added: 2, Updated: 0, Unpublished: 0, Skipped: 1), result);
        Assert.Equal(["a-good.md", "c-good.md"], (await ArticlesAsync()).Select(a => a.SourcePath));
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("b-broken.md", warning, StringComparison.Ordinal);
        Assert.Contains("title:", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_AliasBomb_SkippedQuicklyAndNamed_OthersSynced()
    {
        Write("a-good.md", Post("Good one"));
        Write("b-laughs.md", FrontMatterParserTests.AliasBomb());
        Write("c-good.md", Post("Good two"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await SyncAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(new ContentSyncResult(Added: 2, Updated: 0, Unpublished: 0, Skipped: 1), result);
        Assert.Equal(["a-good.md", "c-good.md"], (await ArticlesAsync()).Select(a => a.SourcePath));
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("b-laughs.md", warning, StringComparison.Ordinal);
        Assert.Contains("line 4: YAML anchors and aliases", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_BadFrontMatterOnceSyncedFile_ArticleKept()
    {
        Write("a.md", Post("A"));
        await SyncAsync();
        Write("a.md", "---\ntitle: A\ncategory: Tech\ndate: someday\n---\nBody\n");

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 0, 0, 1), result);
        var article = await ArticleAsync("a.md");
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Contains(log.Warnings, w => w.Contains("a.md", StringComparison.Ordinal) && w.Contains("date:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_SlugChanged_RedirectFromOldSlug()
    {
        Write("a.md", Post("A", "slug: old-name\n"));
        await SyncAsync();
        Write("a.md", Post("A", "slug: new-name\n"));

        await SyncAsync();

        var article = await ArticleAsync("a.md");
        Assert.Equal("new-name", article.Slug);
        await using var db = database.CreateContext();
        var redirect = Assert.Single(await db.SlugRedirects.ToListAsync());
        Assert.Equal(("old-name", article.Id), (redirect.OldSlug, redirect.ArticleId));
    }

    [Fact]
    public async Task SyncAsync_SlugChangedBack_NoRedirectFromLiveSlug()
    {
        Write("a.md", Post("A", "slug: first\n"));
        await SyncAsync();
        Write("a.md", Post("A", "slug: second\n"));
        await SyncAsync();
        Write("a.md", Post("A", "slug: first\n"));

        await SyncAsync();

        Assert.Equal("first", (await ArticleAsync("a.md")).Slug);
        await using var db = database.CreateContext();
        Assert.Equal(["second"], await db.SlugRedirects.Select(r => r.OldSlug).ToListAsync());
    }

    [Fact]
    public async Task SyncAsync_FileMovedKeepingSlug_SameArticleStillPublished()
    {
        var old = Write("go-pools.md", Post("Go pools", "slug: go-pools\n"));
        await SyncAsync();
        var before = await ArticleAsync("go-pools.md");
        File.Move(old, Path.Combine(CreateFolder("2026"), "go-pools.md"));

        var result = await SyncAsync();
        var again = await SyncAsync();

        var after = Assert.Single(await ArticlesAsync());
        Assert.Equal((before.Id, "go-pools", "2026/go-pools.md"), (after.Id, after.Slug, after.SourcePath));
        Assert.Equal(ArticleStatus.Published, after.Status);
        Assert.Equal(new ContentSyncResult(0, 1, 0, 0), result);
        Assert.Equal(new ContentSyncResult(0, 0, 0, 0), again);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public async Task SyncAsync_DraftThenPublished_PublishedAtWhenPublished()
    {
        Write("a.md", Post("A", "draft: true\n"));
        await SyncAsync();
        clock.Advance(TimeSpan.FromDays(10));
        Write("a.md", Post("A", "draft: false\n"));

        await SyncAsync();

        var article = await ArticleAsync("a.md");
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Start.UtcDateTime.AddDays(10), article.PublishedAt);
    }

    [Fact]
    public async Task SyncAsync_TwoFilesOneSlug_SecondSkipped()
    {
        Write("a.md", Post("A", "slug: same\n"));
        Write("b.md", Post("B", "slug: same\n"));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(1, 0, 0, 1), result);
        Assert.Equal("a.md", Assert.Single(await ArticlesAsync()).SourcePath);
        Assert.Contains(log.Warnings, w => w.Contains("b.md", StringComparison.Ordinal) && w.Contains("same", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_DraftFile_StaysDraft()
    {
        Write("draft.md", Post("Draft", "draft: true\n"));
        await SyncAsync();
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync("draft.md")).Status);
        Write("draft.md", Post("Draft, edited", "draft: true\n"));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 1, 0, 0), result);
        var article = await ArticleAsync("draft.md");
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal("Draft, edited", article.Title);
    }

    [Fact]
    public async Task SyncAsync_NonUtf8File_SkippedAndNamed()
    {
        Write("good.md", Post("Good"));
        // "Café" in Latin-1: 0xE9 followed by a newline is not valid UTF-8.
        File.WriteAllBytes(Path.Combine(Folder, "latin1.md"), Encoding.Latin1.GetBytes(Post("Café")));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(1, 0, 0, 1), result);
        Assert.Equal("good.md", Assert.Single(await ArticlesAsync()).SourcePath);
        Assert.Contains(log.Warnings, w => w.Contains("latin1.md", StringComparison.Ordinal) && w.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_Utf8WithByteOrderMark_Added()
    {
        File.WriteAllText(Path.Combine(Folder, "bom.md"), Post("Café au lait"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(1, 0, 0, 0), result);
        Assert.Equal("Café au lait", (await ArticleAsync("bom.md")).Title);
    }

    [Fact]
    public async Task SyncAsync_FileOverMaxBytes_SkippedAndNamed()
    {
        Write("small.md", Post("Small"));
        Write("huge.md", Post("Huge", body: new string('x', 2_000) + "\n"));

        var result = await SyncAsync(maxFileBytes: 1_000);

        Assert.Equal(new ContentSyncResult(1, 0, 0, 1), result);
        Assert.Equal("small.md", Assert.Single(await ArticlesAsync()).SourcePath);
        Assert.Contains(log.Warnings, w => w.Contains("huge.md", StringComparison.Ordinal) && w.Contains("limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAsync_NoSlugInHeader_SlugFromFileName()
    {
        Write("My First Post.md", Post("Whatever the title says"));

        await SyncAsync();

        Assert.Equal("my-first-post", (await ArticleAsync("My First Post.md")).Slug);
    }

    [Fact]
    public async Task SyncAsync_MissingFolder_NothingAndWarning()
    {
        Directory.Delete(Folder);

        var result = await SyncAsync();

        Assert.Equal(new ContentSyncResult(0, 0, 0, 0), result);
        Assert.Contains(log.Warnings, w => w.Contains("does not exist", StringComparison.Ordinal));
    }
}
