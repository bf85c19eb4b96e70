using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Articles;

public sealed class RelatedTests
{
    [Fact]
    public async Task Article_ListsRelatedArticles_MostSharedTagsFirst_NeverItself()
    {
        using var factory = new BlogFactory();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/articles/reading-go-stack-traces"));

        var links = page.QuerySelectorAll(".related__list a").Select(a => a.GetAttribute("href")).ToList();

        // It shares "go" and "debugging" with the flaky-test story, only "go" with the worker pools.
        Assert.InRange(links.Count, 1, 3);
        Assert.Equal("/articles/flaky-test-retrospective", links[0]);
        Assert.Contains("/articles/sizing-go-worker-pools", links);
        Assert.DoesNotContain("/articles/reading-go-stack-traces", links);
    }

    [Fact]
    public async Task Related_LeaveOutDrafts()
    {
        using var factory = new BlogFactory();
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "flaky-test-retrospective")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Draft)));

        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/articles/reading-go-stack-traces"));

        Assert.DoesNotContain(page.QuerySelectorAll(".related__list a"), a => a.GetAttribute("href") == "/articles/flaky-test-retrospective");
    }
}
