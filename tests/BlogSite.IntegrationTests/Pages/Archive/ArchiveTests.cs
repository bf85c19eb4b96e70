using System.Net;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Archive;

public sealed class ArchiveTests : IClassFixture<BlogFactory>
{
    private readonly BlogFactory factory;

    public ArchiveTests(BlogFactory factory) => this.factory = factory;

    [Fact]
    public async Task Archive_ListsEveryPublishedArticleOnce_ByMonth_NewestFirst()
    {
        var response = await factory.CreateReaderClient().GetAsync("/archive");
        var page = await BlogFactory.ParseAsync(response);
        var published = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Slug, a.PublishedAt }).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll(".archive-month__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(published.Select(a => "/articles/" + a.Slug), links);
        Assert.DoesNotContain("/articles/" + Fixtures.DraftSlug, links);
        Assert.DoesNotContain("/articles/" + Fixtures.FutureSlug, links);

        var months = published.Select(a => a.PublishedAt!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Equal(months, page.QuerySelectorAll(".archive-month__title").Select(h => h.Id));
        Assert.Equal(months.Select(m => "#" + m), page.QuerySelectorAll(".archive-index a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Archive_MonthHeading_NamesTheMonthAndCountsItsArticles()
    {
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/archive"));

        // The fixtures are dated 2 January 2026; four of them are published.
        var january = page.QuerySelector("[id='2026-01']")!;
        Assert.StartsWith("January 2026", january.TextContent.Trim(), StringComparison.Ordinal);
        var count = january.QuerySelector(".archive-month__count")!.TextContent;
        Assert.Equal($"{january.ParentElement!.QuerySelectorAll("li").Length} articles", count);
    }

    [Fact]
    public async Task Footer_LinksToTheArchiveSearchAndFeed()
    {
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/"));

        var links = page.QuerySelectorAll(".site-footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/archive", links);
        Assert.Contains("/search", links);
        Assert.Contains("/feed.xml", links);
    }
}
