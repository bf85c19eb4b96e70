using System.Text;
using BlogSite.Import;

namespace BlogSite.Tests.Import;

public sealed class GhostExportTests
{
    private const string Launching = "64a1f0c2e4b0a1000001aa01";
    private const string Scheduled = "64a1f0c2e4b0a1000001aa02";
    private const string Draft = "64a1f0c2e4b0a1000001aa03";
    private const string Page = "64a1f0c2e4b0a1000001aa04";
    private const string LexicalOnly = "64a1f0c2e4b0a1000001aa05";
    private const string MobiledocOnly = "64a1f0c2e4b0a1000001aa06";
    private const string EmailOnly = "64a1f0c2e4b0a1000001aa07";

    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "ghost-slackwater.json");

    private static async Task<ImportedSite> ReadFixtureAsync(Uri? siteUrl = null)
    {
        await using var file = File.OpenRead(FixturePath);
        return await GhostExport.ReadAsync(file, siteUrl, GhostExport.MaxBytes, CancellationToken.None);
    }

    private static Task<ImportedSite> ReadAsync(string json, long maxBytes = GhostExport.MaxBytes) =>
        GhostExport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), siteUrl: null, maxBytes, CancellationToken.None);

    private static Task<ImportFormatException> FailsAsync(string json, long maxBytes = GhostExport.MaxBytes) =>
        Assert.ThrowsAsync<ImportFormatException>(() => ReadAsync(json, maxBytes));

    private static ImportedArticle Post(ImportedSite site, string id) => Assert.Single(site.Articles, a => a.SourceId == id);

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public async Task ReadAsync_Fixture_PostsBecomeArticlesPagesDoNot()
    {
        var site = await ReadFixtureAsync();

        Assert.Equal([Launching, Scheduled, Draft, LexicalOnly, MobiledocOnly, EmailOnly], site.Articles.Select(a => a.SourceId));
        var skip = Assert.Single(site.Skipped, s => s.Where.Contains(Page, StringComparison.Ordinal));
        Assert.Equal("pages are not imported.", skip.Why);
        Assert.Empty(site.Media);
    }

    [Fact]
    public async Task ReadAsync_PublishedPost_MapsFieldsAndPrefersHtml()
    {
        var post = Post(await ReadFixtureAsync(), Launching);

        Assert.Equal("Launching off the slip", post.Title);
        Assert.Equal("launching-off-the-slip", post.Slug);
        Assert.Equal("Weed, wheels and a cold start.", post.Summary);
        Assert.False(post.Draft);
        Assert.Equal(Utc(2023, 6, 2, 9, 30), post.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, post.PublishedAt!.Value.Kind);
        Assert.Equal(Utc(2023, 6, 2, 10, 15, 30), post.UpdatedAt);
        Assert.Equal(ImportedBodyFormat.Html, post.BodyFormat);
        Assert.StartsWith("<p>The slip at <a href=\"/tide-times/\">low water</a> is all weed.</p><!--kg-card-begin: markdown-->", post.Body);
        Assert.Equal(["/launching-off-the-slip/"], post.OldPaths);
        Assert.Empty(post.Comments);
    }

    [Fact]
    public async Task ReadAsync_GhostUrlPlaceholder_BecomesTheGivenSiteOrRootRelative()
    {
        var relative = Post(await ReadFixtureAsync(), Launching);
        var absolute = Post(await ReadFixtureAsync(new Uri("https://slackwater.example/")), Launching);

        Assert.Equal("/content/images/2023/06/dinghy.jpg", relative.FeatureImage);
        Assert.Equal("https://slackwater.example/content/images/2023/06/dinghy.jpg", absolute.FeatureImage);
        Assert.Contains("<a href=\"https://slackwater.example/tide-times/\">", absolute.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("__GHOST_URL__", absolute.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Tags_FirstPublicTagIsCategoryInternalTagsDropped()
    {
        var post = Post(await ReadFixtureAsync(), Launching);

        // posts_tags lists them out of order: sort_order puts #newsletter, Boats, Weather, (internal) Archive, Knots.
        Assert.Equal("Boats", post.Category);
        Assert.Equal(["Weather", "Knots"], post.Tags);
    }

    [Fact]
    public async Task ReadAsync_PostWithOneTag_ItIsTheCategory()
    {
        var post = Post(await ReadFixtureAsync(), LexicalOnly);

        Assert.Equal("Knots", post.Category);
        Assert.Empty(post.Tags);
    }

    [Fact]
    public async Task ReadAsync_PostWithoutTags_NoCategory()
    {
        var post = Post(await ReadFixtureAsync(), Scheduled);

        Assert.Null(post.Category);
        Assert.Empty(post.Tags);
    }

    [Fact]
    public async Task ReadAsync_Authors_FirstBySortOrderIsTheAuthor()
    {
        var site = await ReadFixtureAsync();

        var launching = Post(site, Launching);
        Assert.Equal("Amos Keel", launching.AuthorName);
        Assert.Equal("amos@slackwater.example", launching.AuthorEmail);
        Assert.Equal("Nell Harbour", Post(site, Scheduled).AuthorName);
    }

    [Fact]
    public async Task ReadAsync_ScheduledPost_PublishedWithItsFutureDate()
    {
        var post = Post(await ReadFixtureAsync(), Scheduled);

        Assert.False(post.Draft);
        Assert.Equal(Utc(2031, 3, 1, 9, 0), post.PublishedAt);
        Assert.Equal("https://elsewhere.example/tides/original/", post.CanonicalUrl);
        Assert.Null(post.FeatureImage);
        Assert.Equal("", post.Summary);
    }

    [Fact]
    public async Task ReadAsync_Draft_NoPublishedDateNoOldPaths()
    {
        var post = Post(await ReadFixtureAsync(), Draft);

        Assert.True(post.Draft);
        Assert.Null(post.PublishedAt);
        Assert.Equal(Utc(2024, 1, 9, 17, 45), post.UpdatedAt);
        Assert.Empty(post.OldPaths);
    }

    [Fact]
    public async Task ReadAsync_EmailOnlyPost_IsADraft()
    {
        var post = Post(await ReadFixtureAsync(), EmailOnly);

        Assert.True(post.Draft);
        Assert.Empty(post.OldPaths);
    }

    [Fact]
    public async Task ReadAsync_MobiledocOfMarkdownCards_BodyIsTheMarkdown()
    {
        var post = Post(await ReadFixtureAsync(), MobiledocOnly);

        Assert.Equal(ImportedBodyFormat.Markdown, post.BodyFormat);
        Assert.Equal("Sails *up*.\n\n- main\n- jib", post.Body);
    }

    [Fact]
    public async Task ReadAsync_LexicalWithoutHtml_WalkedIntoMarkdown()
    {
        var post = Post(await ReadFixtureAsync(), LexicalOnly);

        Assert.Equal(ImportedBodyFormat.Markdown, post.BodyFormat);
        Assert.Equal(
            """
            ## Rigging, briefly

            Start with the **halyard**, then the *sheet*; never `cleat` under load, and learn the [cleat hitch](<https://knots.example/cleat hitch>).

            1\. Check the bung before you launch.

            Use \*two\* turns\_not one \[really\] & mind the \<tiller\>.

            Always ***lead*** with the bow.

            - Bung
            - Painter
              1. long
              2. short
            - Oars

            - [x] Lifejacket
            - [ ] Flask

            > Slack water waits for no one.\
            > — the harbourmaster

            ````sh
            tide --port=falmouth
            # ```odd``` fences
            ````

            ---

            ![A mooring buoy](/content/images/2024/02/mooring.jpg)

            *The buoy off Trefusis*

            | Knot | Use |
            |---|---|
            | Bowline | a fixed loop |

            <iframe src="https://charts.example/embed/falmouth"></iframe>
            """,
            post.Body);
    }

    [Fact]
    public async Task ReadAsync_LexicalCardsWithoutMarkdown_Noted()
    {
        var site = await ReadFixtureAsync();

        var notes = site.Skipped.Where(s => s.Where.Contains(LexicalOnly, StringComparison.Ordinal)).Select(s => s.Why).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.Contains("html card", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("\"gallery\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_BareExportOfOldGhost_NumericIdsMillisecondDatesAuthorIdAndPageFlag()
    {
        const string json = """
            {
              "meta": { "exported_on": 1426263451924, "version": "003" },
              "data": {
                "posts": [
                  { "id": 1, "title": "Hello, harbour", "slug": "hello-harbour", "markdown": "First *post*.", "html": "",
                    "page": 0, "status": "published", "author_id": 1, "published_at": 1426078349156, "updated_at": 1426078349135 },
                  { "id": 2, "title": "Contact", "slug": "contact", "markdown": "Write to us.", "html": "<p>Write to us.</p>",
                    "page": 1, "status": "published", "author_id": 1, "published_at": 1426078349156 }
                ],
                "users": [ { "id": 1, "name": "Nell Harbour", "slug": "nell", "email": "nell@slackwater.example" } ],
                "tags": [ { "id": 1, "name": "Boats", "slug": "boats" } ],
                "posts_tags": [ { "id": 1, "post_id": 1, "tag_id": 1 } ]
              }
            }
            """;

        var site = await ReadAsync(json);

        var post = Assert.Single(site.Articles);
        Assert.Equal("1", post.SourceId);
        Assert.Equal("First *post*.", post.Body);
        Assert.Equal(ImportedBodyFormat.Markdown, post.BodyFormat);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1426078349156).UtcDateTime, post.PublishedAt);
        Assert.Equal("Nell Harbour", post.AuthorName);
        Assert.Equal("Boats", post.Category);
        Assert.Equal("pages are not imported.", Assert.Single(site.Skipped).Why);
    }

    [Fact]
    public async Task ReadAsync_TruncatedJson_FormatErrorNamesTheLine()
    {
        var json = await File.ReadAllTextAsync(FixturePath);

        var error = await FailsAsync(json[..(json.Length / 2)]);

        Assert.Matches(@"^\$.* \(line \d+, byte \d+\)$", error.Where);
        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NotJson_FormatError()
    {
        var error = await FailsAsync("<?xml version=\"1.0\"?><rss/>");

        Assert.StartsWith("$", error.Where, StringComparison.Ordinal);
        Assert.Contains("(line 1, byte 1)", error.Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NestedTooDeep_FormatError()
    {
        var json = "{\"db\":" + new string('[', 1000) + new string(']', 1000) + "}";

        var error = await FailsAsync(json);

        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LargerThanTheLimit_FormatError()
    {
        var json = await File.ReadAllTextAsync(FixturePath);

        var error = await FailsAsync(json, maxBytes: 4_096);

        Assert.Equal("$", error.Where);
        Assert.Contains("4,096 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("{\"posts\": []}", "$")]
    [InlineData("{\"db\": {}}", "$.db")]
    [InlineData("{\"db\": []}", "$.db")]
    [InlineData("{\"db\": [{\"meta\": {}}]}", "$.db[0]")]
    [InlineData("{\"db\": [{\"data\": {\"tags\": []}}]}", "$.db[0].data.posts")]
    [InlineData("{\"db\": [{\"data\": {\"posts\": {}}}]}", "$.db[0].data.posts")]
    [InlineData("{\"db\": [{\"data\": {\"posts\": [7]}}]}", "$.db[0].data.posts[0]")]
    [InlineData("{\"db\": [{\"data\": {\"posts\": [{\"id\": \"a\", \"title\": [\"x\"]}]}}]}", "$.db[0].data.posts[0].title")]
    [InlineData("{\"db\": [{\"data\": {\"posts\": [{\"title\": \"x\"}]}}]}", "$.db[0].data.posts[0].id")]
    [InlineData("{\"db\": [{\"data\": {\"posts\": [], \"tags\": \"Boats\"}}]}", "$.db[0].data.tags")]
    [InlineData("{\"data\": {\"posts\": [{\"id\": \"a\", \"title\": \"x\", \"published_at\": \"last Tuesday\"}]}}", "$.data.posts[0].published_at")]
    [InlineData("{\"data\": {\"posts\": [{\"id\": \"a\", \"title\": \"x\", \"published_at\": 1e30}]}}", "$.data.posts[0].published_at")]
    [InlineData("{\"data\": {\"posts\": [{\"id\": \"a\", \"title\": \"x\", \"lexical\": \"{not json\"}]}}", "$.data.posts[0].lexical (line 1, byte 2)")]
    [InlineData("{\"data\": {\"posts\": [{\"id\": \"a\", \"title\": \"x\", \"lexical\": \"{\\\"nodes\\\": []}\"}]}}", "$.data.posts[0].lexical")]
    public async Task ReadAsync_WrongShape_FormatErrorNamesTheJsonPath(string json, string where)
    {
        var error = await FailsAsync(json);

        Assert.Equal(where, error.Where);
    }

    [Fact]
    public async Task ReadAsync_MobiledocWithMoreThanMarkdownCards_EmptyBodyAndNote()
    {
        const string json = """
            {"data": {"posts": [{"id": "a", "title": "Odd one", "slug": "odd-one", "status": "published", "html": null,
              "mobiledoc": "{\"version\":\"0.3.1\",\"atoms\":[],\"cards\":[[5,{}]],\"markups\":[],\"sections\":[[1,\"p\",[[0,[],0,\"Hi\"]]],[10,0]]}"}]}}
            """;

        var site = await ReadAsync(json);

        Assert.Equal("", Assert.Single(site.Articles).Body);
        Assert.Contains("mobiledoc", Assert.Single(site.Skipped).Why, StringComparison.Ordinal);
    }
}
