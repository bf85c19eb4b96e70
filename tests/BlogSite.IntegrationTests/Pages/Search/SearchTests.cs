using System.Net;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Search;

/// <summary>Search through the FTS5 index on the real migrated SQLite file, with articles written for it.</summary>
public sealed class SearchTests : IClassFixture<SearchTests.SearchFactory>
{
    private readonly SearchFactory factory;

    public SearchTests(SearchFactory factory) => this.factory = factory;

    /// <summary>The sample articles, the fixtures, and three articles about an unusual word.</summary>
    public sealed class SearchFactory : BlogFactory
    {
        public SearchFactory()
        {
            // These tests make dozens of searches from the one test address; the limit itself is tested in SearchRateLimitTests.
            Settings["RateLimits:SearchesPerMinute"] = "10000";
            Write("zephyr-title", "Zephyrine gardens through the year", "2026-01-01", "Planting notes and watering habits for a small plot.");
            Write("zephyr-body", "Notes from the allotment", "2026-06-01",
                "A long paragraph about soil and compost and rain. Somewhere in the middle the neighbours mention zephyrine hedges once. Then more about compost.");
            Write("zephyr-draft", "Zephyrine draft", "2026-06-01", "Zephyrine in a draft.", extra: "draft: true");
            Write("deploying-notes", "Rolling out", "2026-03-01", "We were deploying twice a day by the end of the month.");
        }

        private void Write(string slug, string title, string date, string body, string extra = "") =>
            File.WriteAllText(Path.Combine(ContentFolder, slug + ".md"), Fixtures.File(slug, title, date, extra, body + "\n"));
    }

    [Fact]
    public async Task Search_TitleMatch_RanksAboveOlderBodyMatch_AndDraftsAreLeftOut()
    {
        var page = await SearchAsync("zephyrine");

        Assert.Equal(["/articles/zephyr-title", "/articles/zephyr-body"], ResultLinks(page));
        Assert.Contains("2 articles match", page.QuerySelector("#search-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MarksTheMatch_InTheTitleAndInAPassageOfTheBody()
    {
        var page = await SearchAsync("zephyrine");
        var results = page.QuerySelectorAll(".search-result");

        Assert.Equal("Zephyrine", results[0].QuerySelector(".search-result__title mark")!.TextContent);
        var excerpt = results[1].QuerySelector(".search-result__excerpt")!;
        Assert.Equal("zephyrine", excerpt.QuerySelector("mark")!.TextContent);
        Assert.Contains("neighbours mention", excerpt.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TitleOnlyMatch_ShowsTheSummary()
    {
        var page = await SearchAsync("gardens");

        Assert.Equal("A fixture for the integration tests.", page.QuerySelector(".search-result__excerpt")!.TextContent);
    }

    [Theory]
    [InlineData("zephyr")]
    [InlineData("ZEPHYRINE")]
    [InlineData("\"zephyrine hedges\"")]
    public async Task Search_PrefixesCaseAndPhrases_Match(string query) =>
        Assert.Contains("/articles/zephyr-body", ResultLinks(await SearchAsync(query)));

    [Fact]
    public async Task Search_Stems_DeployFindsDeploying() =>
        Assert.Equal(["/articles/deploying-notes"], ResultLinks(await SearchAsync("deployed rolling")));

    [Fact]
    public async Task Search_PhraseInOtherOrder_DoesNotMatch()
    {
        var page = await SearchAsync("\"hedges zephyrine\"");

        Assert.Empty(ResultLinks(page));
        Assert.Contains("No articles match", page.QuerySelector("#search-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsTagsAndSummaries()
    {
        // Every fixture is tagged "fixture" and has the same summary; the future one and the draft are not shown.
        var byTag = ResultLinks(await SearchAsync("fixture"));
        var bySummary = ResultLinks(await SearchAsync("integration tests"));

        Assert.Contains("/articles/fixture-short", byTag);
        Assert.Contains("/articles/zephyr-title", bySummary);
        Assert.DoesNotContain("/articles/" + Fixtures.FutureSlug, byTag);
        Assert.DoesNotContain("/articles/" + Fixtures.DraftSlug, byTag);
    }

    [Fact]
    public async Task Search_ManyResults_ArePaged()
    {
        var client = factory.CreateReaderClient();
        var first = await BlogFactory.ParseAsync(await client.GetAsync("/search?q=the"));
        var total = int.Parse(first.QuerySelector("#search-status strong")!.PreviousSibling!.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 10, $"{total} articles with \"the\"");

        var second = await BlogFactory.ParseAsync(await client.GetAsync("/search?q=the&pageNumber=2"));

        Assert.Equal(10, ResultLinks(first).Count);
        Assert.Equal(total - 10, ResultLinks(second).Count);
        Assert.Empty(ResultLinks(first).Intersect(ResultLinks(second)));
        Assert.Equal("/search?q=the&pageNumber=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/search?q=the&pageNumber=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/search?q=the&pageNumber=0")).StatusCode);
    }

    [Fact]
    public async Task Search_NoQuery_ShowsTheFormAndAHint()
    {
        var response = await factory.CreateReaderClient().GetAsync("/search");
        var page = await BlogFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main form[role=search] input[name=q]"));
        // Two search landmarks on the page, told apart by their names.
        Assert.Equal(["Site search", "New search"], page.QuerySelectorAll("form[role=search]").Select(f => f.GetAttribute("aria-label")));
        Assert.Null(page.QuerySelector(".search-results"));
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("'")]
    [InlineData("*")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("^")]
    [InlineData("-")]
    [InlineData(":")]
    [InlineData("NEAR(compost rain, 2)")]
    [InlineData("compost AND")]
    [InlineData("OR")]
    [InlineData("NOT compost")]
    [InlineData("title:compost")]
    [InlineData("{Title Body}: compost")]
    [InlineData("compost*")]
    [InlineData("^compost")]
    [InlineData("\"unclosed phrase")]
    [InlineData("a\"b\"c\"")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("%00 \\ %")]
    [InlineData("😀 ünïcödé 漢字")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen fourteen")]
    public async Task Search_HostileQuery_AnswersWithoutFailing(string query)
    {
        var response = await factory.CreateReaderClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        var page = await BlogFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#search-status")!.TextContent));
        Assert.Equal(query.Trim(), page.QuerySelector("#search-page-q")!.GetAttribute("value"));
        Assert.True(await factory.WithDbAsync(db => db.Articles.AnyAsync()), "the articles are still there");
    }

    [Fact]
    public async Task Search_TenThousandCharacters_IsRefusedWithAReason()
    {
        var response = await factory.CreateReaderClient().GetAsync("/search?q=" + new string('a', 10_000));
        var page = await BlogFactory.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"up to {SearchTermsMax} characters", page.QuerySelector(".search-status__refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".search-results"));
    }

    [Fact]
    public async Task Search_HostileArticleText_IsShownAsText()
    {
        // The hostile fixture's body has a raw <img onerror> and its title a <script>: as text in the index.
        var response = await factory.CreateReaderClient().GetAsync("/search?q=onerror");
        var html = await response.Content.ReadAsStringAsync();
        var page = await BlogFactory.ParseAsync(response);

        XssSample.AssertInert(html);
        Assert.Contains("/articles/" + Fixtures.HostileSlug, ResultLinks(page));
        Assert.Contains("<img src=x", page.QuerySelector(".search-result__excerpt")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Fixtures.HostileTitle, page.QuerySelector(".search-result__title")!.TextContent);
    }

    [Fact]
    public async Task Search_QueryIsEchoedAsText()
    {
        var response = await factory.CreateReaderClient().GetAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        XssSample.AssertInert(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Header_HasASearchBox_OnEveryReaderPage()
    {
        var client = factory.CreateReaderClient();
        foreach (var path in new[] { "/", "/articles/zephyr-title", "/archive", "/account/login" })
        {
            var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
            var form = page.QuerySelector(".site-header form[role=search]");

            Assert.NotNull(form);
            Assert.Equal("Site search", form.GetAttribute("aria-label"));
            Assert.Equal("/search", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            var input = form.QuerySelector("input[name=q]")!;
            Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
        }
    }

    private const int SearchTermsMax = BlogSite.Pages.Search.SearchTerms.MaxQueryLength;

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> SearchAsync(string query)
    {
        var response = await factory.CreateReaderClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BlogFactory.ParseAsync(response);
    }

    private static List<string> ResultLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".search-result__title a").Select(a => a.GetAttribute("href")!).ToList();
}
