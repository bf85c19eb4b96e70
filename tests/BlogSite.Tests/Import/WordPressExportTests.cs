using System.Text;
using BlogSite.Domain;
using BlogSite.Import;

namespace BlogSite.Tests.Import;

public sealed class WordPressExportTests
{
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "wordpress-hedgerow.xml");

    private static async Task<ImportedSite> ReadFixtureAsync()
    {
        await using var file = File.OpenRead(FixturePath);
        return await WordPressExport.ReadAsync(file, CancellationToken.None);
    }

    private static Task<ImportedSite> ReadAsync(string xml, long maxCharacters = WordPressExport.MaxCharacters) =>
        WordPressExport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), maxCharacters, CancellationToken.None);

    private static Task<ImportFormatException> FailsAsync(string xml, long maxCharacters = WordPressExport.MaxCharacters) =>
        Assert.ThrowsAsync<ImportFormatException>(() => ReadAsync(xml, maxCharacters));

    private static ImportedArticle Post(ImportedSite site, string id) => Assert.Single(site.Articles, a => a.SourceId == id);

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static string Item(string fields) => $"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <wp:wxr_version>1.2</wp:wxr_version>
          <item>
            <title>Broken one</title>
            {fields}
          </item>
        </channel>
        </rss>
        """;

    [Fact]
    public async Task ReadAsync_Fixture_PostsBecomeArticlesInExportOrder()
    {
        var site = await ReadFixtureAsync();

        Assert.Equal(["101", "102", "103", "104", "105", "106", "108"], site.Articles.Select(a => a.SourceId));
    }

    [Fact]
    public async Task ReadAsync_PublishedPost_MapsTitleSummaryDatesAuthorAndFeatureImage()
    {
        var post = Post(await ReadFixtureAsync(), "101");

        Assert.Equal("First frost on the lane", post.Title);
        Assert.Equal("first-frost", post.Slug);
        Assert.Equal("A late frost, and what the fleece saved.", post.Summary);
        Assert.False(post.Draft);
        Assert.Equal(Utc(2019, 5, 14, 22, 30), post.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, post.PublishedAt!.Value.Kind);
        Assert.Equal(Utc(2019, 5, 16, 7, 5, 12), post.UpdatedAt);
        Assert.Equal("Marta Quill", post.AuthorName);
        Assert.Equal("marta@hedgerow.example", post.AuthorEmail);
        Assert.Equal(ImportedBodyFormat.Html, post.BodyFormat);
        Assert.Equal("https://hedgerow.example/wp-content/uploads/2019/05/frost.jpg", post.FeatureImage);
        Assert.Null(post.CanonicalUrl);
    }

    [Fact]
    public async Task ReadAsync_ClassicEditorBody_ParagraphsAndBreaksRestoredOutsidePre()
    {
        var body = Post(await ReadFixtureAsync(), "101").Body;

        Assert.StartsWith("<p>The frost came late this year, and it came hard.</p>\n\n", body);
        Assert.Contains("<p>By six the beans were black at the tips.<br />\nThe courgettes, under fleece, were fine.</p>", body);
        Assert.Contains("<pre>\nfleece: 17 g/m²\n\ndoubled on the north bed\n</pre>", body);
        Assert.DoesNotContain("<p>doubled", body);
        Assert.Contains("<p><a href=\"https://hedgerow.example/wp-content/uploads/2019/05/frost.jpg\"><img", body);
    }

    [Fact]
    public async Task ReadAsync_BlockEditorBody_KeptAsExportedWithSplitCdataJoined()
    {
        var body = Post(await ReadFixtureAsync(), "102").Body;

        Assert.StartsWith("<!-- wp:paragraph -->\n<p>Three tomatoes, one chair, and a <strong>south-facing</strong> rail.</p>", body);
        Assert.Contains("<code>if (x[y[0]]> 1) water();</code>", body);
        Assert.DoesNotContain("<p><!--", body);
    }

    [Fact]
    public async Task ReadAsync_PercentEncodedSlug_DecodedInSlugAndOldPaths()
    {
        var post = Post(await ReadFixtureAsync(), "102");

        Assert.Equal("Été sur le balcon", post.Title);
        Assert.Equal("été-sur-le-balcon", post.Slug);
        Assert.Equal(
            ["/?p=102", "/2021/07/03/été-sur-le-balcon/", "/2021/07/été-sur-le-balcon/", "/été-sur-le-balcon/"],
            post.OldPaths);
    }

    [Fact]
    public async Task ReadAsync_PostWithoutExcerpt_SummaryEmpty()
    {
        Assert.Equal("", Post(await ReadFixtureAsync(), "102").Summary);
    }

    [Fact]
    public async Task ReadAsync_AuthorWithoutEmail_DisplayNameAndNoEmail()
    {
        var post = Post(await ReadFixtureAsync(), "102");

        Assert.Equal("Tobias Fenn", post.AuthorName);
        Assert.Null(post.AuthorEmail);
    }

    [Fact]
    public async Task ReadAsync_CreatorNotAmongAuthors_LoginIsTheName()
    {
        var post = Post(await ReadFixtureAsync(), "108");

        Assert.Equal("ghostwriter", post.AuthorName);
        Assert.Null(post.AuthorEmail);
    }

    [Fact]
    public async Task ReadAsync_Terms_FirstCategoryIsCategoryOthersBecomeTagsAfterPostTags()
    {
        var post = Post(await ReadFixtureAsync(), "101");

        Assert.Equal("Garden", post.Category);
        Assert.Equal(["frost", "Tools & Kit", "Weather"], post.Tags);
    }

    [Fact]
    public async Task ReadAsync_PostWithoutTerms_NoCategoryNoTags()
    {
        var post = Post(await ReadFixtureAsync(), "104");

        Assert.Null(post.Category);
        Assert.Empty(post.Tags);
    }

    [Fact]
    public async Task ReadAsync_Draft_NoDateNoSlugNoOldPaths()
    {
        var post = Post(await ReadFixtureAsync(), "103");

        Assert.True(post.Draft);
        Assert.Null(post.PublishedAt);
        Assert.Equal(Utc(2024, 4, 2, 8, 14, 9), post.UpdatedAt);
        Assert.Equal("", post.Slug);
        Assert.Empty(post.OldPaths);
        Assert.Equal("Uncategorized", post.Category);
    }

    [Fact]
    public async Task ReadAsync_PrivateAndPending_AreDrafts()
    {
        var site = await ReadFixtureAsync();

        var privatePost = Post(site, "104");
        Assert.True(privatePost.Draft);
        Assert.Equal(Utc(2022, 2, 10, 19, 20), privatePost.PublishedAt);
        Assert.Empty(privatePost.OldPaths);

        var pending = Post(site, "106");
        Assert.True(pending.Draft);
        Assert.Null(pending.PublishedAt);
    }

    [Fact]
    public async Task ReadAsync_FuturePost_PublishedWithItsFutureDate()
    {
        var post = Post(await ReadFixtureAsync(), "105");

        Assert.False(post.Draft);
        Assert.Equal(Utc(2030, 1, 15, 8, 0), post.PublishedAt);
        Assert.Equal(
            ["/?p=105", "/2030/01/15/planting-plan-2030/", "/2030/01/planting-plan-2030/", "/planting-plan-2030/"],
            post.OldPaths);
    }

    [Fact]
    public async Task ReadAsync_PublishedPostWithZeroGmtDate_FallsBackToLocalDate()
    {
        var post = Post(await ReadFixtureAsync(), "108");

        Assert.False(post.Draft);
        Assert.Equal(Utc(2012, 10, 2, 7, 45), post.PublishedAt);
        Assert.Null(post.UpdatedAt);
    }

    [Fact]
    public async Task ReadAsync_OldPaths_QueryIdLinkAndDatePermalinksFromTheLocalDate()
    {
        var post = Post(await ReadFixtureAsync(), "101");

        // The local date (15 May) is the one in WordPress's permalinks, not the GMT one (14 May).
        Assert.Equal(["/?p=101", "/2019/05/15/first-frost/", "/2019/05/first-frost/", "/first-frost/"], post.OldPaths);
    }

    [Fact]
    public async Task ReadAsync_TrashedPost_SkippedWithNote()
    {
        var site = await ReadFixtureAsync();

        Assert.DoesNotContain(site.Articles, a => a.SourceId == "107");
        var skip = Assert.Single(site.Skipped, s => s.Where.Contains("item 107", StringComparison.Ordinal));
        Assert.Contains("trash", skip.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Page_SkippedWithNote()
    {
        var site = await ReadFixtureAsync();

        var skip = Assert.Single(site.Skipped, s => s.Where.Contains("item 110", StringComparison.Ordinal));
        Assert.Equal("pages are not imported.", skip.Why);
        Assert.Contains("\"About\"", skip.Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NavMenuItem_SkippedWithNoteNamingItsType()
    {
        var site = await ReadFixtureAsync();

        var skip = Assert.Single(site.Skipped, s => s.Where.Contains("item 160", StringComparison.Ordinal));
        Assert.Contains("nav_menu_item", skip.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Attachments_BecomeMediaNotArticles()
    {
        var site = await ReadFixtureAsync();

        Assert.Equal(
            [
                new ImportedMedia("150", "https://hedgerow.example/wp-content/uploads/2019/05/frost.jpg", "101"),
                new ImportedMedia("151", "https://hedgerow.example/wp-content/uploads/2019/05/header-hedge.png", null),
            ],
            site.Media);
        Assert.DoesNotContain(site.Articles, a => a.SourceId is "150" or "151");
        Assert.DoesNotContain(site.Skipped, s => s.Where.Contains("item 15", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Comments_ThreadKeptThreeDeep()
    {
        var comments = Post(await ReadFixtureAsync(), "101").Comments;

        Assert.Equal(["201", "202", "203", "204", "205", "206"], comments.Select(c => c.SourceId));
        Assert.Equal([null, "201", "202", null, null, null], comments.Select(c => c.ParentSourceId));
    }

    [Fact]
    public async Task ReadAsync_Comments_ApprovalMapsToStatus()
    {
        var comments = Post(await ReadFixtureAsync(), "101").Comments;

        Assert.Equal(
            [
                CommentStatus.Published, CommentStatus.Published, CommentStatus.Published,
                CommentStatus.Pending, CommentStatus.Spam, CommentStatus.Deleted,
            ],
            comments.Select(c => c.Status));
    }

    [Fact]
    public async Task ReadAsync_Comment_AuthorEmailGmtDateAndHtmlBody()
    {
        var comments = Post(await ReadFixtureAsync(), "101").Comments;

        var first = comments[0];
        Assert.Equal("Ines", first.AuthorName);
        Assert.Equal("ines@allotment.example", first.AuthorEmail);
        Assert.Equal(Utc(2019, 5, 15, 6, 0), first.CreatedAt);
        Assert.Equal("Same here: <em>every</em> bean gone.", first.Body);
        Assert.Equal(ImportedBodyFormat.Html, first.BodyFormat);
        Assert.Null(comments[3].AuthorEmail);
    }

    [Fact]
    public async Task ReadAsync_Pingback_SkippedWithNote()
    {
        var site = await ReadFixtureAsync();

        var skip = Assert.Single(site.Skipped, s => s.Where.StartsWith("comment 207 on item 101", StringComparison.Ordinal));
        Assert.Contains("pingback", skip.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Wxr11Namespace_ReadTheSame()
    {
        var xml = (await File.ReadAllTextAsync(FixturePath)).Replace("wordpress.org/export/1.2/", "wordpress.org/export/1.1/", StringComparison.Ordinal);

        var site = await ReadAsync(xml);

        Assert.Equal(7, site.Articles.Count);
        Assert.Equal("A late frost, and what the fleece saved.", Post(site, "101").Summary);
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_FormatErrorNamesTheLine()
    {
        var xml = await File.ReadAllTextAsync(FixturePath);

        var error = await FailsAsync(xml[..(xml.Length / 2)]);

        Assert.Matches(@"^line \d+, position \d+$", error.Where);
    }

    [Fact]
    public async Task ReadAsync_EntityBomb_RefusedBeforeExpanding()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            ]>
            <rss version="2.0"><channel><title>&d;</title></channel></rss>
            """;

        var error = await FailsAsync(bomb);

        Assert.Equal("before the first element", error.Where);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ExternalEntity_Refused()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><title>&secret;</title></channel></rss>
            """;

        var error = await FailsAsync(xxe);

        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
        Assert.Equal("before the first element", error.Where);
    }

    [Fact]
    public async Task ReadAsync_LongerThanTheLimit_FormatError()
    {
        // The reader counts what it buffers (tens of KB at a time), so the file must run well past the limit.
        var filler = string.Concat(Enumerable.Repeat("<!-- the lane goes on and on and on -->\n", 10_000));
        var xml = (await File.ReadAllTextAsync(FixturePath)).Replace("</channel>", filler + "</channel>", StringComparison.Ordinal);

        var error = await FailsAsync(xml, maxCharacters: 100_000);

        Assert.Matches(@"^after line \d+$", error.Where);
    }

    [Fact]
    public async Task ReadAsync_AtomFeed_NotAWordPressExport()
    {
        var error = await FailsAsync("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>");

        Assert.Equal("line 2, position 2", error.Where);
        Assert.Contains("not a WordPress export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PlainRssFeed_NotAWordPressExport()
    {
        var error = await FailsAsync("<rss version=\"2.0\"><channel><title>Feed</title><item><title>A</title></item></channel></rss>");

        Assert.Contains("wp:wxr_version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ItemWithoutPostId_FormatErrorNamesTheItem()
    {
        var error = await FailsAsync(Item("<wp:post_type>post</wp:post_type>"));

        Assert.Equal("item \"Broken one\" (line 5)", error.Where);
        Assert.Contains("wp:post_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnreadableDate_FormatErrorNamesTheItem()
    {
        var error = await FailsAsync(Item("""
            <wp:post_id>9</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
            <wp:post_date_gmt>14/05/2019 9:30</wp:post_date_gmt>
            """));

        Assert.Equal("item 9 \"Broken one\" (line 5)", error.Where);
        Assert.Contains("14/05/2019 9:30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MarkupWhereTextBelongs_FormatErrorNamesTheLine()
    {
        var error = await FailsAsync(Item("<wp:post_id>9</wp:post_id><wp:post_name><b>bold</b></wp:post_name>"));

        Assert.StartsWith("line 7,", error.Where, StringComparison.Ordinal);
    }
}
