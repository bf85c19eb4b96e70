using System.Globalization;
using System.Net;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Pages.Archive;

public sealed class ArchiveTests : IClassFixture<BlogFactory>
{
    private readonly BlogFactory factory;

    public ArchiveTests(BlogFactory factory) => this.factory = factory;

    private Task<List<DateTime>> PublishedDatesAsync() => factory.WithDbAsync(db => db.Articles
        .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow)
        .Select(a => a.PublishedAt!.Value).ToListAsync());

    [Fact]
    public async Task Archive_IsAnIndexOfYearsAndMonths_NewestFirst_CountingPublishedArticlesOnly()
    {
        var response = await factory.CreateReaderClient().GetAsync("/archive");
        var page = await BlogFactory.ParseAsync(response);
        var months = (await PublishedDatesAsync())
            .GroupBy(at => (at.Year, at.Month)).OrderByDescending(g => g.Key)
            .Select(g => ($"/archive/{g.Key.Year}/{g.Key.Month:00}", g.Count())).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(months.Select(m => m.Item1), page.QuerySelectorAll(".archive-year__months a").Select(a => a.GetAttribute("href")));
        Assert.Equal(months.Select(m => m.Item2.ToString(CultureInfo.InvariantCulture)),
            page.QuerySelectorAll(".archive-year__month-count").Select(c => c.TextContent));
        Assert.Empty(page.QuerySelectorAll(".archive-month__list a"));
        Assert.Equal(months.Select(m => m.Item1[9..13]).Distinct().Select(year => "year-" + year), page.QuerySelectorAll(".archive-year__title").Select(h => h.Id));
    }

    [Fact]
    public async Task ArchiveMonth_ListsThatMonthsPublishedArticles_NewestFirst()
    {
        var response = await factory.CreateReaderClient().GetAsync("/archive/2026/01");
        var page = await BlogFactory.ParseAsync(response);
        var published = await factory.WithDbAsync(db => db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow
                && a.PublishedAt >= new DateTime(2026, 1, 1) && a.PublishedAt < new DateTime(2026, 2, 1))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Slug).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("January 2026", page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"{published.Count} articles", page.QuerySelector(".archive-month__count")!.TextContent);
        Assert.Equal(published.Select(slug => "/articles/" + slug), page.QuerySelectorAll(".archive-month__list a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("/articles/" + Fixtures.DraftSlug, page.QuerySelectorAll(".archive-month__list a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/archive/2099/01")]
    [InlineData("/archive/1999/01")]
    [InlineData("/archive/2026/1")]
    [InlineData("/archive/2026/13")]
    [InlineData("/archive/02026/01")]
    [InlineData("/archive/2026/01?pageNumber=2")]
    [InlineData("/archive/2026/01?pageNumber=x")]
    public async Task ArchiveMonth_WithNothingToShow_OrNotInCanonicalForm_Is404(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ArchiveCounts_FollowPublishing_Unpublishing_Dating_AndTheBin()
    {
        using var site = new BlogFactory();
        var client = site.CreateReaderClient();
        async Task<Dictionary<string, string>> CountsAsync()
        {
            site.Services.GetRequiredService<BlogChanges>().Raise(BlogChange.Site);
            var page = await BlogFactory.ParseAsync(await client.GetAsync("/archive"));
            return page.QuerySelectorAll(".archive-year__months li")
                .ToDictionary(li => li.QuerySelector("a")!.GetAttribute("href")!, li => li.QuerySelector(".archive-year__month-count")!.TextContent);
        }

        async Task ChangeAsync(Action<Article> change) => await site.WithDbAsync(async db =>
        {
            var article = await db.Articles.IgnoreQueryFilters().SingleAsync(a => a.Slug == Fixtures.ShortSlug);
            change(article);
            return await db.SaveChangesAsync();
        });

        var before = await CountsAsync();
        await ChangeAsync(a => a.PublishedAt = new DateTime(2019, 5, 3, 0, 0, 0, DateTimeKind.Utc));
        var moved = await CountsAsync();
        await ChangeAsync(a => a.Status = ArticleStatus.Draft);
        var unpublished = await CountsAsync();
        await ChangeAsync(a => a.Status = ArticleStatus.Published);
        await ChangeAsync(a => a.DeletedAt = DateTime.UtcNow);
        var binned = await CountsAsync();
        await ChangeAsync(a => a.DeletedAt = null);
        await ChangeAsync(a => a.PublishedAt = DateTime.UtcNow.AddDays(3));
        var scheduled = await CountsAsync();

        var january = int.Parse(before["/archive/2026/01"], CultureInfo.InvariantCulture);
        Assert.Equal((january - 1).ToString(CultureInfo.InvariantCulture), moved["/archive/2026/01"]);
        Assert.Equal("1", moved["/archive/2019/05"]);
        Assert.False(unpublished.ContainsKey("/archive/2019/05"));
        Assert.False(binned.ContainsKey("/archive/2019/05"));
        // Counted in its month by the store, but not shown until its date comes.
        var due = DateTime.UtcNow.AddDays(3);
        Assert.Equal(before.GetValueOrDefault($"/archive/{due.Year}/{due.Month:00}"), scheduled.GetValueOrDefault($"/archive/{due.Year}/{due.Month:00}"));
        Assert.Equal((january - 1).ToString(CultureInfo.InvariantCulture), scheduled["/archive/2026/01"]);
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
