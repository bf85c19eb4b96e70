using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Search;

/// <summary>The store's triggers keep the index in step with every way an article changes.</summary>
public sealed class SearchIndexTests
{
    private const string Slug = "code-review-comments-that-land";

    [Fact]
    public async Task TitleChange_IsSearchable_AndTheOldTitleIsNot()
    {
        using var factory = new BlogFactory();
        var oldWord = await Found(factory, "review");
        Assert.Contains(Slug, oldWord);

        await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Quillwort commentary")));

        Assert.Contains(Slug, await Found(factory, "quillwort"));
        Assert.DoesNotContain(Slug, await Found(factory, "\"comments that land\""));
    }

    [Fact]
    public async Task TagsAddedRemovedAndRenamed_AreSearchable()
    {
        using var factory = new BlogFactory();
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Slug == Slug);
            article.Tags.Add(new Tag { Name = "Marram", Slug = "marram" });
            return await db.SaveChangesAsync();
        });
        Assert.Contains(Slug, await Found(factory, "marram"));

        await factory.WithDbAsync(db => db.Tags.Where(t => t.Slug == "marram").ExecuteUpdateAsync(s => s.SetProperty(t => t.Name, "Sedge")));
        Assert.Contains(Slug, await Found(factory, "sedge"));
        Assert.DoesNotContain(Slug, await Found(factory, "marram"));

        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Slug == Slug);
            article.Tags.RemoveAll(t => t.Slug == "marram");
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(Slug, await Found(factory, "sedge"));
    }

    [Fact]
    public async Task BinnedAndDeletedArticles_AreNotFound_AndDeletingRemovesTheRow()
    {
        using var factory = new BlogFactory();
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, DateTime.UtcNow)));
        Assert.DoesNotContain(Slug, await Found(factory, "review"));

        var rowsBefore = await IndexRowsAsync(factory);
        await factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(a => a.Slug == Slug).ExecuteDeleteAsync());

        Assert.Equal(rowsBefore - 1, await IndexRowsAsync(factory));
        Assert.Equal(await factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync()), rowsBefore - 1);
    }

    [Fact]
    public async Task BodyEditedInTheEditor_IsSearchableAsPlainText()
    {
        using var factory = new BlogFactory();
        var id = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug).Select(a => a.Id).SingleAsync());
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == id);
            article.SetBody("Some **bladderwrack** in [a link](https://example.com/kelp).", new ArticleText("Some bladderwrack in a link.", 5), "hash");
            return await db.SaveChangesAsync();
        });

        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/search?q=bladderwrack"));

        Assert.Equal("Some bladderwrack in a link.", page.QuerySelector(".search-result__excerpt")!.TextContent);
        Assert.DoesNotContain(Slug, await Found(factory, "kelp"));
    }

    private static async Task<List<string>> Found(BlogFactory factory, string query)
    {
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/search?q=" + Uri.EscapeDataString(query)));
        return page.QuerySelectorAll(".search-result__title a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();
    }

    private static Task<int> IndexRowsAsync(BlogFactory factory) =>
        factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>($"""SELECT CAST(count(*) AS INTEGER) AS "Value" FROM "{SqliteFullTextIndex.Table}" """).SingleAsync());
}
