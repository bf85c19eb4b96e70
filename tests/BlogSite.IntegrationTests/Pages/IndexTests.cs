using System.Net;
using AngleSharp.Dom;

namespace BlogSite.IntegrationTests.Pages;

public sealed class IndexTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private const int SampleArticles = 8;

    private async Task<IDocument> GetAsync(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BlogFactory.ParseAsync(response);
    }

    [Fact]
    public async Task Home_ShowsNewestFirst_WithEveryCardElement()
    {
        var page = await GetAsync("/");
        var cards = page.QuerySelectorAll("article.card");
        Assert.Equal(10, cards.Length);

        var dates = cards.Select(c => DateTime.Parse(c.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        foreach (var card in cards)
        {
            Assert.StartsWith("/categories/", card.QuerySelector("a.card__category")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.StartsWith("/articles/", card.QuerySelector(".card__title a")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(card.QuerySelector(".card__summary")!.TextContent));
            Assert.Matches(@"^[A-Z][a-z]+ \d{4}$", card.QuerySelector("time")!.TextContent.Trim());
            Assert.Matches(@"^\d+ min read$", card.QuerySelector(".meta-row__reading")!.TextContent.Trim());
            Assert.Matches(@"^[\d,]+ views?$", card.QuerySelector(".meta-row__views")!.TextContent.Trim());
            Assert.Matches(@"^[\d,]+ hearts?$", card.QuerySelector(".meta-row__hearts")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Home_SecondPage_HoldsTheRest_AndPagerLinksBack()
    {
        var first = await GetAsync("/");
        Assert.Equal("/?pageNumber=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));

        var second = await GetAsync("/?pageNumber=2");
        Assert.Equal(SampleArticles + Fixtures.ExtraPublished - 10, second.QuerySelectorAll("article.card").Length);
        Assert.Equal("/", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));

        var all = first.QuerySelectorAll(".card__title a").Concat(second.QuerySelectorAll(".card__title a"))
            .Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.DoesNotContain("/articles/" + Fixtures.DraftSlug, all);
        Assert.DoesNotContain("/articles/" + Fixtures.FutureSlug, all);
    }

    [Fact]
    public async Task Category_ListsOnlyItsArticles()
    {
        var page = await GetAsync("/categories/fixtures");
        Assert.Equal(Fixtures.FixtureCategory, page.QuerySelector("h1")!.TextContent.Trim());
        var cards = page.QuerySelectorAll("article.card");
        Assert.Equal(Fixtures.ExtraPublished, cards.Length);
        Assert.All(cards, c => Assert.Equal(Fixtures.FixtureCategory, c.QuerySelector(".card__category")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Tag_ListsOnlyTaggedArticles()
    {
        var page = await GetAsync("/tags/go");
        Assert.Equal("#go", page.QuerySelector("h1")!.TextContent.Trim());
        var links = page.QuerySelectorAll(".card__title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/articles/reading-go-stack-traces", links);
        Assert.DoesNotContain("/articles/writing-pull-request-descriptions", links);
    }

    [Fact]
    public async Task Header_ListsCategoriesWithPublishedArticles()
    {
        var page = await GetAsync("/");
        var nav = page.QuerySelectorAll(".site-nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Craft", Fixtures.FixtureCategory, "Notes", "Tech"], nav);
    }

    [Fact]
    public async Task ContentSync_SkipsBrokenFile_AndSyncsTheRest()
    {
        var sources = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Articles.Select(a => a.SourcePath)));
        Assert.DoesNotContain(Fixtures.BadFile, sources);
        Assert.Equal(SampleArticles + Fixtures.All.Count() - 1, sources.Count);
    }
}
