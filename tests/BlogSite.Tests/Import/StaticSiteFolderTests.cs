using BlogSite.Domain;
using BlogSite.Import;

namespace BlogSite.Tests.Import;

public sealed class StaticSiteFolderTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures");

    private readonly string temp = Directory.CreateTempSubdirectory("blogsite-folder-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static ImportedSite Read(string name) => StaticSiteFolder.Read(Path.Combine(Fixtures, name), CancellationToken.None);

    private static ImportedArticle Post(ImportedSite site, string sourceId) => Assert.Single(site.Articles, a => a.SourceId == sourceId);

    private static string Skip(ImportedSite site, string where) => string.Join(" | ", site.Skipped.Where(s => s.Where == where).Select(s => s.Why));

    private string Write(string relative, string text)
    {
        var path = Path.Combine(temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Jekyll_PostsAndDrafts_AreFound_ByTheirPathInTheFolder()
    {
        var site = Read("jekyll-harbour");

        Assert.Equal(
            ["_drafts/rigging-checklist.md", "_posts/2018-03-04-tide-tables.md", "_posts/2019-07-20-night-crossing.markdown",
             "_posts/2019-08-01-unfinished-log.md", "_posts/2019-09-09-knots-and-gaps.md"],
            site.Articles.Select(a => a.SourceId).Order(StringComparer.Ordinal));
        Assert.All(site.Articles, a => Assert.Equal(ImportedBodyFormat.Markdown, a.BodyFormat));
    }

    [Fact]
    public void Jekyll_DateFromTheFileName_WhenTheFrontMatterHasNone_AndTheDefaultPermalinkAsOldPath()
    {
        var post = Post(Read("jekyll-harbour"), "_posts/2018-03-04-tide-tables.md");

        Assert.Equal(new DateTime(2018, 3, 4, 0, 0, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal("tide-tables", post.Slug);
        Assert.False(post.Draft);
        Assert.Equal(["/sailing/notes/2018/03/04/tide-tables.html"], post.OldPaths);
        Assert.Equal("Springs, neaps and the rule of twelfths, worked through for one afternoon.", post.Summary);
    }

    [Fact]
    public void Jekyll_FirstCategoryIsTheCategory_TheOthersFollowTheTags()
    {
        var post = Post(Read("jekyll-harbour"), "_posts/2018-03-04-tide-tables.md");

        Assert.Equal("Sailing", post.Category);
        Assert.Equal(["tides", "almanac", "Notes"], post.Tags);
    }

    [Fact]
    public void Jekyll_DateWithAZone_IsConvertedToUtc_PermalinkAndRedirectFromAreOldPaths_TagsSplitAtSpaces()
    {
        var post = Post(Read("jekyll-harbour"), "_posts/2019-07-20-night-crossing.markdown");

        Assert.Equal(new DateTime(2019, 7, 20, 21, 15, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(new DateTime(2019, 7, 22, 8, 0, 0, DateTimeKind.Utc), post.UpdatedAt);
        Assert.Equal(["/crossings/night/", "/2019/07/night/"], post.OldPaths);
        Assert.Equal("Passages", post.Category);
        Assert.Equal(["night", "wind"], post.Tags);
        Assert.Equal("Tomas Reyes", post.AuthorName);
    }

    [Fact]
    public void Jekyll_TheSiteAuthor_WhenAPostNamesNone() =>
        Assert.Equal("Ines Farrow", Post(Read("jekyll-harbour"), "_posts/2018-03-04-tide-tables.md").AuthorName);

    [Fact]
    public void Jekyll_DateInTheWesternHemisphere_KeepsItsOwnDayInTheAddress()
    {
        var post = Post(Read("jekyll-harbour"), "_posts/2019-09-09-knots-and-gaps.md");

        Assert.Equal(new DateTime(2019, 9, 9, 14, 0, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(["/rigging/2019/09/09/knots-and-gaps.html"], post.OldPaths);
    }

    [Fact]
    public void Jekyll_DraftsFolderAndPublishedFalse_AreDrafts_WithNoOldPaths()
    {
        var site = Read("jekyll-harbour");

        foreach (var id in new[] { "_drafts/rigging-checklist.md", "_posts/2019-08-01-unfinished-log.md" })
        {
            var post = Post(site, id);
            Assert.True(post.Draft, id);
            Assert.Empty(post.OldPaths);
        }
    }

    [Fact]
    public void Jekyll_UndatedPostFile_AndAnchoredYaml_AreSkippedNamingTheFile()
    {
        var site = Read("jekyll-harbour");

        Assert.Contains("must start with its date", Skip(site, "_posts/mooring-notes.md"), StringComparison.Ordinal);
        Assert.Contains("anchors and aliases", Skip(site, "_posts/2020-01-05-anchored-yaml.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Jekyll_HighlightBecomesAFence_RawKeepsItsText_BaseUrlIsDropped_PostUrlLeadsToTheOldAddress()
    {
        var body = Post(Read("jekyll-harbour"), "_posts/2018-03-04-tide-tables.md").Body;

        Assert.Contains("```ruby\ndef rise(range, hour)\n  [1, 2, 3, 3, 2, 1].first(hour).sum * range / 12.0\nend\n```", body, StringComparison.Ordinal);
        Assert.DoesNotContain("highlight", body, StringComparison.Ordinal);
        Assert.Contains("look like {{ tide.height }}, which", body, StringComparison.Ordinal);
        Assert.Contains("![Tidal curve for the bar](/assets/chart.png)", body, StringComparison.Ordinal);
        Assert.Contains("[the night crossing](/crossings/night/)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Jekyll_UnknownLiquid_IsKeptAsText_WithANote()
    {
        var site = Read("jekyll-harbour");

        Assert.Contains("{% include passage-plan.html %}", Post(site, "_posts/2019-07-20-night-crossing.markdown").Body, StringComparison.Ordinal);
        Assert.Contains("Liquid kept as text", Skip(site, "_posts/2019-07-20-night-crossing.markdown"), StringComparison.Ordinal);
        Assert.Contains("{% include %}", Skip(site, "_posts/2019-07-20-night-crossing.markdown"), StringComparison.Ordinal);
        Assert.Empty(Skip(site, "_posts/2018-03-04-tide-tables.md"));
    }

    [Fact]
    public void Hugo_PostsOfBothSections_AndPageBundles_AreFound_NotBundleResourcesOrSectionPages()
    {
        var site = Read("hugo-fenland");

        Assert.Equal(
            ["content/post/old-section.md", "content/posts/dyke-walk.md", "content/posts/eel-traps/index.md", "content/posts/washes-in-winter.md"],
            site.Articles.Select(a => a.SourceId).Order(StringComparer.Ordinal));
        Assert.Contains("list page", Skip(site, "content/posts/_index.md"), StringComparison.Ordinal);
        Assert.Empty(Skip(site, "content/posts/eel-traps/notes.md"));
    }

    [Fact]
    public void Hugo_TomlFrontMatter_IsSkippedNamingTheFile() =>
        Assert.Contains("TOML", Skip(Read("hugo-fenland"), "content/posts/flood-warning.md"), StringComparison.Ordinal);

    [Fact]
    public void Hugo_Fields_DefaultAddressAndAliases_RelativeAliasesAgainstTheSection()
    {
        var post = Post(Read("hugo-fenland"), "content/posts/dyke-walk.md");

        Assert.Equal("Along the Forty Foot Drain", post.Title);
        Assert.Equal("dyke-walk", post.Slug);
        Assert.Equal(new DateTime(2021, 4, 10, 7, 0, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(new DateTime(2021, 4, 12, 0, 0, 0, DateTimeKind.Utc), post.UpdatedAt);
        Assert.Equal("Outdoors", post.Category);
        Assert.Equal(["walking", "drains"], post.Tags);
        Assert.Equal("Eleven miles of straight water and one heron.", post.Summary);
        Assert.Equal("Priya Sandhu", post.AuthorName);
        Assert.Equal(["/posts/dyke-walk/", "/2021/04/dyke-walk/", "/posts/old-dyke"], post.OldPaths);
    }

    [Fact]
    public void Hugo_PageBundle_IsNamedByItsFolder_UnlessItsSlugSaysOtherwise()
    {
        var post = Post(Read("hugo-fenland"), "content/posts/eel-traps/index.md");

        Assert.Equal("willow-eel-traps", post.Slug);
        Assert.Equal(["/posts/willow-eel-traps/"], post.OldPaths);
        Assert.Contains("![An eel trap drying](trap.png)", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hugo_OldPostSection_AndADateWithoutZone_ReadAsUtc()
    {
        var post = Post(Read("hugo-fenland"), "content/post/old-section.md");

        Assert.Equal(new DateTime(2017, 11, 3, 9, 30, 0, DateTimeKind.Utc), post.PublishedAt);
        Assert.Equal(["/post/old-section/"], post.OldPaths);
    }

    [Fact]
    public void Hugo_Draft_HasNoOldPaths()
    {
        var post = Post(Read("hugo-fenland"), "content/posts/washes-in-winter.md");

        Assert.True(post.Draft);
        Assert.Empty(post.OldPaths);
    }

    [Fact]
    public void Hugo_Shortcodes_HighlightFigureAndRef_BecomeMarkdown_OthersAreKeptWithANote()
    {
        var site = Read("hugo-fenland");
        var body = Post(site, "content/posts/dyke-walk.md").Body;

        Assert.Contains("```python\nfor line in open(\"pumps.log\"):\n    print(line.split()[0])\n```", body, StringComparison.Ordinal);
        Assert.Contains("^^^\n![Reeds by the water](/images/reeds.jpg)\n^^^ Reed beds at Ramsey", body, StringComparison.Ordinal);
        Assert.Contains("[the eel traps](/posts/willow-eel-traps/)", body, StringComparison.Ordinal);
        Assert.Contains("like this: {{< figure src=\"x.jpg\" >}}.", body, StringComparison.Ordinal);
        Assert.Contains("{{< youtube dQw4w9WgXcQ >}}", body, StringComparison.Ordinal);
        var notes = Skip(site, "content/posts/dyke-walk.md");
        Assert.Contains("{{< youtube >}}", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("figure", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderOfPosts_ItselfWithoutJekyllOrHugoLayout_IsRead()
    {
        Write("2020-02-02-a-walk.md", "---\ntitle: A walk\n---\nOut and back.\n");
        Write("2020-03-03-another.md", "---\ntitle: Another\n---\nAgain.\n");

        var site = StaticSiteFolder.Read(temp, CancellationToken.None);

        Assert.Equal(["2020-02-02-a-walk.md", "2020-03-03-another.md"], site.Articles.Select(a => a.SourceId).Order(StringComparer.Ordinal));
        Assert.Equal(["/2020/02/02/a-walk.html"], Post(site, "2020-02-02-a-walk.md").OldPaths);
    }

    [Fact]
    public void NoTitle_IsNamedAfterTheFile_WithANote()
    {
        Write("_posts/2020-02-02-quiet-harbour.md", "---\ndate: 2020-02-02\n---\nStill water.\n");

        var site = StaticSiteFolder.Read(temp, CancellationToken.None);

        Assert.Equal("Quiet Harbour", Assert.Single(site.Articles).Title);
        Assert.Contains("no title", Skip(site, "_posts/2020-02-02-quiet-harbour.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFrontMatter_AndNoFrontMatter_AreSkippedWithANote()
    {
        Write("content/posts/json.md", "{\n  \"title\": \"Json\"\n}\nBody.\n");
        Write("content/posts/bare.md", "Just text.\n");
        Write("content/posts/fine.md", "---\ntitle: Fine\n---\nBody.\n");

        var site = StaticSiteFolder.Read(temp, CancellationToken.None);

        Assert.Equal("content/posts/fine.md", Assert.Single(site.Articles).SourceId);
        Assert.Contains("JSON", Skip(site, "content/posts/json.md"), StringComparison.Ordinal);
        Assert.Contains("no front matter", Skip(site, "content/posts/bare.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void AliasBombFrontMatter_IsRefusedBeforeItExpands()
    {
        var bomb = "---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\nBoom.\n";
        Write("_posts/2020-01-01-bomb.md", bomb);

        var site = StaticSiteFolder.Read(temp, CancellationToken.None);

        Assert.Empty(site.Articles);
        Assert.Contains("anchors and aliases", Skip(site, "_posts/2020-01-01-bomb.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void OversizedFile_IsSkipped()
    {
        Write("_posts/2020-01-01-huge.md", "---\ntitle: Huge\n---\n" + new string('x', (int)StaticSiteFolder.MaxFileBytes));

        var site = StaticSiteFolder.Read(temp, CancellationToken.None);

        Assert.Empty(site.Articles);
        Assert.Contains("at most", Skip(site, "_posts/2020-01-01-huge.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyFiles_RefusesTheFolder_NamingIt()
    {
        var dir = Path.Combine(temp, "_posts");
        Directory.CreateDirectory(dir);
        for (var i = 0; i <= StaticSiteFolder.MaxFiles; i++)
        {
            File.WriteAllBytes(Path.Combine(dir, $"{i}.txt"), []);
        }

        var refused = Assert.Throws<ImportFormatException>(() => StaticSiteFolder.Read(temp, CancellationToken.None));

        Assert.Equal("_posts", refused.Where);
    }

    [Fact]
    public void AFolderWithNoPosts_IsRefused()
    {
        Write("notes.txt", "nothing here");

        Assert.Contains("no posts found", Assert.Throws<ImportFormatException>(() => StaticSiteFolder.Read(temp, CancellationToken.None)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolder_IsAnIoError() =>
        Assert.ThrowsAny<IOException>(() => StaticSiteFolder.Read(Path.Combine(temp, "nope"), CancellationToken.None));

    [Fact]
    public void OldPaths_AreAddressesTheSiteCanAnswer() =>
        Assert.All(Read("jekyll-harbour").Articles.Concat(Read("hugo-fenland").Articles).SelectMany(a => a.OldPaths),
            path => Assert.NotNull(ArticleRules.AliasPath(path)));
}
