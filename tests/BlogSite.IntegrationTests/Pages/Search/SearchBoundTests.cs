using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Search;

/// <summary>
/// The bound on what one search counts and lists (Search:MaxResults, low here), and the articles it must never
/// show although the index holds them and ranks them first: drafts, scheduled ones and the bin.
/// </summary>
public sealed class SearchBoundTests : IClassFixture<SearchBoundTests.BoundFactory>
{
    private const int MaxResults = 20;
    private const int Published = 25;
    private readonly BoundFactory factory;

    public SearchBoundTests(BoundFactory factory) => this.factory = factory;

    public sealed class BoundFactory : BlogFactory
    {
        public BoundFactory()
        {
            Settings["RateLimits:SearchesPerMinute"] = "10000";
            Settings["Search:MaxResults"] = MaxResults.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < Published; i++)
            {
                Write($"quokka-{i:00}", $"Notes number {i}", "2026-02-01", $"Somewhere in this text a quokka appears, and {(i == 3 ? "the wombat too" : "nothing else")}.");
            }

            // The word in the title, twice in the body: these rank above every published one.
            Write("quokka-draft", "Quokka quokka platypus draft", "2026-02-01", "Quokka quokka.", extra: "draft: true");
            Write("quokka-scheduled", "Quokka quokka platypus scheduled", "2099-02-01", "Quokka quokka.");
            Write("quokka-binned", "Quokka quokka platypus binned", "2026-02-01", "Quokka quokka.");
            Write("quokka-binned-newest", "Quokka quokka platypus binned again", "2026-02-01", "Quokka quokka.");
        }

        private void Write(string slug, string title, string date, string body, string extra = "") =>
            File.WriteAllText(Path.Combine(ContentFolder, slug + ".md"), Fixtures.File(slug, title, date, extra, body + "\n"));
    }

    private async Task BinAsync() => await factory.WithDbAsync(db => db.Articles
        .Where(a => a.Slug.StartsWith("quokka-binned"))
        .ExecuteUpdateAsync(set => set.SetProperty(a => a.DeletedAt, DateTime.UtcNow)));

    [Fact]
    public async Task Search_OverTheBound_SaysTwentyPlus_ListsExactlyTheBound_AndNoHiddenArticle()
    {
        await BinAsync();
        var client = factory.CreateReaderClient();

        var first = await BlogFactory.ParseAsync(await client.GetAsync("/search?q=quokka"));
        var second = await BlogFactory.ParseAsync(await client.GetAsync("/search?q=quokka&pageNumber=2"));

        Assert.Contains($"{MaxResults}+ articles match", first.QuerySelector("#search-status")!.TextContent, StringComparison.Ordinal);
        var listed = ResultLinks(first).Concat(ResultLinks(second)).ToList();
        Assert.Equal(MaxResults, listed.Count);
        Assert.Equal(MaxResults, listed.Distinct().Count());
        Assert.All(listed, link => Assert.Matches(@"^/articles/quokka-\d\d$", link));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/search?q=quokka&pageNumber=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/search?q=quokka&pageNumber=99999")).StatusCode);
    }

    [Fact]
    public async Task Search_UnderTheBound_CountsExactly_WithoutTheHiddenOnes()
    {
        await BinAsync();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/search?q=quokka+wombat"));

        Assert.Equal(["/articles/quokka-03"], ResultLinks(page));
        Assert.Contains("1 article matches", page.QuerySelector("#search-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OnlyHiddenArticlesMatch_FindsNothing()
    {
        await BinAsync();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/search?q=platypus"));

        Assert.Empty(ResultLinks(page));
        Assert.Contains("No articles match", page.QuerySelector("#search-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_TheScheduledArticle_AppearsOnceItsTimeHasCome()
    {
        // The index holds it all along: what a search shows is decided at the time of the search.
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "quokka-scheduled")
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.PublishedAt, DateTime.UtcNow.AddMinutes(-1))));
        try
        {
            var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/search?q=platypus+scheduled"));

            Assert.Equal(["/articles/quokka-scheduled"], ResultLinks(page));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "quokka-scheduled")
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PublishedAt, new DateTime(2099, 2, 1, 0, 0, 0, DateTimeKind.Utc))));
        }
    }

    private static List<string> ResultLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".search-result__title a").Select(a => a.GetAttribute("href")!).ToList();
}
