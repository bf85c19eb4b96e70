using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Pages.Articles;
using BlogSite.Tests.Support;

namespace BlogSite.Tests.Pages.Articles;

public sealed class ArticleQueriesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Now));
    private readonly MarkdownRenderer renderer = Renderers.Create();
    private readonly List<BlogDbContext> contexts = [];

    public void Dispose()
    {
        contexts.ForEach(c => c.Dispose());
        renderer.Dispose();
        database.Dispose();
    }

    private ArticleQueries Queries(int maxPages = 100)
    {
        var db = database.CreateContext();
        contexts.Add(db);
        return new ArticleQueries(db, renderer, clock, Microsoft.Extensions.Options.Options.Create(new ListOptions { MaxPages = maxPages }));
    }

    private async Task<ArticlePage> ByCategoryAsync(string slug) =>
        await Queries().FindCategoryAsync(slug, CancellationToken.None) is { } category
            ? await Queries().ListByCategoryAsync(category.Id, 1, CancellationToken.None)
            : new ArticlePage([], 1, 1);

    private async Task<ArticlePage> ByTagAsync(string slug) =>
        await Queries().ListByTagAsync((await Queries().FindTagAsync(slug, CancellationToken.None))!.Value.Id, 1, CancellationToken.None);

    /// <summary>Adds articles; each is (slug, days before now it was published — negative for the future, null for none).</summary>
    private void Seed(string category, string[] tags, ArticleStatus status, params (string Slug, double? DaysAgo)[] articles)
    {
        using var db = database.CreateContext();
        var categorySlug = Slug.From(category);
        var categoryEntity = db.Categories.FirstOrDefault(c => c.Slug == categorySlug)
            ?? db.Categories.Add(new Category { Slug = categorySlug, Name = category }).Entity;
        var tagEntities = tags.Select(name =>
            db.Tags.FirstOrDefault(t => t.Slug == Slug.From(name)) ?? db.Tags.Add(new Tag { Slug = Slug.From(name), Name = name }).Entity).ToList();
        foreach (var (slug, daysAgo) in articles)
        {
            var article = new Article
            {
                Slug = slug,
                Title = $"Title of {slug}",
                Summary = $"Summary of {slug}",
                AuthorName = "Ana",
                Category = categoryEntity,
                Status = status,
                PublishedAt = daysAgo is { } d ? Now.AddDays(-d) : null,
                CreatedAt = Now.AddDays(-30),
                UpdatedAt = Now.AddDays(-30),
                Views = 7,
                Hearts = 1,
            };
            article.Tags.AddRange(tagEntities);
            article.SetBody($"## About {slug}\n\nText of {slug}.", new ArticleText($"About {slug}\nText of {slug}.", 4), MarkdownRenderer.HashOf(slug));
            db.Articles.Add(article);
        }

        db.SaveChanges();
    }

    private void Redirect(string oldSlug, string toSlug)
    {
        using var db = database.CreateContext();
        var article = db.Articles.Single(a => a.Slug == toSlug);
        db.SlugRedirects.Add(new SlugRedirect { OldSlug = oldSlug, ArticleId = article.Id, CreatedAt = Now });
        db.SaveChanges();
    }

    [Fact]
    public async Task FindPublishedAsync_Published_DetailsWithRenderedBody()
    {
        Seed("Tech", ["go", "dotnet"], ArticleStatus.Published, ("go-pools", 1));

        var details = await Queries().FindPublishedAsync("go-pools", CancellationToken.None);

        Assert.NotNull(details);
        Assert.Equal("Title of go-pools", details.Title);
        Assert.Equal(("tech", "Tech"), (details.CategorySlug, details.CategoryName));
        Assert.Equal([("dotnet", "dotnet"), ("go", "go")], details.Tags.Select(t => (t.Slug, t.Name)));
        Assert.Equal(Now.AddDays(-1), details.PublishedAt);
        Assert.Equal((7L, 1L, 4, 1), (details.Views, details.Hearts, details.WordCount, details.ReadingMinutes));
        Assert.Contains("<h2 id=\"about-go-pools\">", details.Body.Html, StringComparison.Ordinal);
        Assert.False(details.Body.Fallback);
    }

    [Fact]
    public async Task FindPublishedAsync_Draft_Null()
    {
        Seed("Tech", [], ArticleStatus.Draft, ("draft", 1));

        Assert.Null(await Queries().FindPublishedAsync("draft", CancellationToken.None));
    }

    [Fact]
    public async Task FindPublishedAsync_FutureDated_NullUntilItsTime()
    {
        Seed("Tech", [], ArticleStatus.Published, ("scheduled", -0.5));

        Assert.Null(await Queries().FindPublishedAsync("scheduled", CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(0.5));
        Assert.NotNull(await Queries().FindPublishedAsync("scheduled", CancellationToken.None));
    }

    [Fact]
    public async Task FindPublishedAsync_PublishedWithoutDate_Null()
    {
        Seed("Tech", [], ArticleStatus.Published, ("no-date", null));

        Assert.Null(await Queries().FindPublishedAsync("no-date", CancellationToken.None));
    }

    [Fact]
    public async Task FindPublishedAsync_UnknownSlug_Null()
    {
        Seed("Tech", [], ArticleStatus.Published, ("known", 1));

        Assert.Null(await Queries().FindPublishedAsync("unknown", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_MixedStatuses_OnlyPublishedNewestFirst()
    {
        Seed("Tech", [], ArticleStatus.Published, ("middle", 2), ("newest", 1), ("oldest", 3), ("future", -1));
        Seed("Tech", [], ArticleStatus.Draft, ("draft", 0.5));

        var page = await Queries().ListAsync(1, CancellationToken.None);

        Assert.Equal(["newest", "middle", "oldest"], page.Items.Select(a => a.Slug));
        Assert.Equal((1, 1), (page.Page, page.TotalPages));
        var newest = page.Items[0];
        Assert.Equal(("Title of newest", "Summary of newest", "tech", "Tech", "Ana"),
            (newest.Title, newest.Summary, newest.CategorySlug, newest.CategoryName, newest.AuthorName));
    }

    [Fact]
    public async Task ListAsync_SamePublishTime_LaterAddedFirst()
    {
        Seed("Tech", [], ArticleStatus.Published, ("first", 1), ("second", 1));

        var page = await Queries().ListAsync(1, CancellationToken.None);

        Assert.Equal(["second", "first"], page.Items.Select(a => a.Slug));
    }

    [Fact]
    public async Task ListAsync_TwentyThreeArticles_ThreePagesOfTen()
    {
        Seed("Tech", [], ArticleStatus.Published, [.. Enumerable.Range(1, 23).Select(i => ($"post-{i:00}", (double?)i))]);
        Seed("Tech", [], ArticleStatus.Draft, ("draft", 0.5));

        var pages = new List<ArticlePage>();
        for (var i = 1; i <= 3; i++)
        {
            pages.Add(await Queries().ListAsync(i, CancellationToken.None));
        }

        Assert.All(pages, p => Assert.Equal(3, p.TotalPages));
        Assert.Equal([10, 10, 3], pages.Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Range(1, 23).Select(i => $"post-{i:00}"), pages.SelectMany(p => p.Items).Select(a => a.Slug));
    }

    [Fact]
    public async Task ListAsync_ExactlyOnePageFull_OnePage()
    {
        Seed("Tech", [], ArticleStatus.Published, [.. Enumerable.Range(1, ArticleQueries.PageSize).Select(i => ($"post-{i}", (double?)i))]);

        var page = await Queries().ListAsync(1, CancellationToken.None);

        Assert.Equal((ArticleQueries.PageSize, 1), (page.Items.Count, page.TotalPages));
    }

    [Fact]
    public async Task ListAsync_Empty_OneEmptyPage()
    {
        var page = await Queries().ListAsync(1, CancellationToken.None);

        Assert.True(page.IsEmpty);
        Assert.Equal(1, page.TotalPages);
    }

    [Fact]
    public async Task ListAsync_PageBeyondEnd_Empty()
    {
        Seed("Tech", [], ArticleStatus.Published, ("only", 1));

        var page = await Queries().ListAsync(2, CancellationToken.None);

        Assert.True(page.IsEmpty);
        Assert.Equal(1, page.TotalPages);
    }

    [Fact]
    public async Task ListByCategoryAsync_TwoCategories_OnlyThatCategory()
    {
        Seed("Tech", [], ArticleStatus.Published, ("tech-1", 1), ("tech-2", 3));
        Seed("Life", [], ArticleStatus.Published, ("life-1", 2));
        Seed("Tech", [], ArticleStatus.Draft, ("tech-draft", 1));
        Seed("Tech", [], ArticleStatus.Published, ("tech-future", -1));

        var tech = await ByCategoryAsync("tech");
        var life = await ByCategoryAsync("life");

        Assert.Equal(["tech-1", "tech-2"], tech.Items.Select(a => a.Slug));
        Assert.Equal(["life-1"], life.Items.Select(a => a.Slug));
        Assert.True((await ByCategoryAsync("nope")).IsEmpty);
    }

    [Fact]
    public async Task ListByTagAsync_Tagged_OnlyPublishedWithThatTag()
    {
        Seed("Tech", ["Go"], ArticleStatus.Published, ("go-1", 2), ("go-2", 1));
        Seed("Tech", ["Go", "dotnet"], ArticleStatus.Published, ("both", 3));
        Seed("Tech", ["dotnet"], ArticleStatus.Published, ("dotnet-1", 1));
        Seed("Tech", ["Go"], ArticleStatus.Draft, ("go-draft", 1));
        Seed("Tech", ["Go"], ArticleStatus.Published, ("go-future", -1));

        var go = await ByTagAsync("go");

        Assert.Equal(["go-2", "go-1", "both"], go.Items.Select(a => a.Slug));
        Assert.Equal(["dotnet-1", "both"], (await ByTagAsync("dotnet")).Items.Select(a => a.Slug));
    }

    [Fact]
    public async Task FindRedirectAsync_OldSlugOfPublished_CurrentSlug()
    {
        Seed("Tech", [], ArticleStatus.Published, ("new-name", 1));
        Redirect("old-name", "new-name");

        Assert.Equal("new-name", await Queries().FindRedirectAsync("old-name", CancellationToken.None));
    }

    [Fact]
    public async Task FindRedirectAsync_OldSlugOfDraftOrFuture_Null()
    {
        Seed("Tech", [], ArticleStatus.Draft, ("draft", 1));
        Seed("Tech", [], ArticleStatus.Published, ("future", -1));
        Redirect("old-draft", "draft");
        Redirect("old-future", "future");

        Assert.Null(await Queries().FindRedirectAsync("old-draft", CancellationToken.None));
        Assert.Null(await Queries().FindRedirectAsync("old-future", CancellationToken.None));
    }

    [Fact]
    public async Task FindRedirectAsync_UnknownSlug_Null()
    {
        Seed("Tech", [], ArticleStatus.Published, ("a", 1));

        Assert.Null(await Queries().FindRedirectAsync("never-was", CancellationToken.None));
    }

    [Fact]
    public async Task FindCategoryAndTagName_Known_NameElseNull()
    {
        Seed("Tech Talk", ["Go Lang"], ArticleStatus.Published, ("a", 1));
        var queries = Queries();

        Assert.Equal("Tech Talk", (await queries.FindCategoryAsync("tech-talk", CancellationToken.None))?.Name);
        Assert.Equal("Go Lang", (await queries.FindTagAsync("go-lang", CancellationToken.None))?.Name);
        Assert.Null(await queries.FindCategoryAsync("nope", CancellationToken.None));
        Assert.Null(await queries.FindTagAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_MoreThanMaxPages_OffersMaxPages_AndSaysTheRestAreInTheArchive()
    {
        Seed("Tech", [], ArticleStatus.Published, Enumerable.Range(1, ArticleQueries.PageSize * 2 + 1).Select(i => ($"a-{i}", (double?)i)).ToArray());

        var last = await Queries(maxPages: 2).ListAsync(2, CancellationToken.None);
        var beyond = await Queries(maxPages: 2).ListAsync(3, CancellationToken.None);
        var exact = await Queries(maxPages: 3).ListAsync(3, CancellationToken.None);

        Assert.Equal((2, true, ArticleQueries.PageSize), (last.TotalPages, last.MoreInArchive, last.Items.Count));
        Assert.Equal($"a-{ArticleQueries.PageSize * 2}", last.Items[^1].Slug);
        Assert.True(beyond.IsEmpty);
        Assert.Equal((3, false, 1), (exact.TotalPages, exact.MoreInArchive, exact.Items.Count));
    }
}
