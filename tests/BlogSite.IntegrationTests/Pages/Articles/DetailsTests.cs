using System.Net;
using AngleSharp.Dom;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Articles;

public sealed class DetailsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    // A sample article with code in Go and shell, a table, a footnote and many headings.
    private const string Sample = "/articles/reading-go-stack-traces";

    private async Task<IDocument> GetAsync(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BlogFactory.ParseAsync(response);
    }

    [Fact]
    public async Task Article_CategoryLabel_LinksToCategoryPage()
    {
        var page = await GetAsync(Sample);
        var category = page.QuerySelector("article .article__category")!;
        Assert.Equal("Tech", category.TextContent.Trim());
        Assert.Equal("/categories/tech", category.GetAttribute("href"));
    }

    [Fact]
    public async Task Article_Title_IsTheOnlyH1_WithSummaryUnderIt()
    {
        var page = await GetAsync(Sample);
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Reading a Go stack trace without panicking", h1.TextContent.Trim());
        var summary = h1.NextElementSibling!;
        Assert.Equal("p", summary.LocalName);
        Assert.Contains("article__summary", summary.ClassList);
        Assert.False(string.IsNullOrWhiteSpace(summary.TextContent));
        Assert.StartsWith("Reading a Go stack trace", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_MetaRow_ShowsAuthorDateReadingTimeViewsAndHearts()
    {
        var page = await GetAsync(Sample);
        var meta = page.QuerySelector("article header .meta-row")!;
        Assert.False(string.IsNullOrWhiteSpace(meta.QuerySelector(".meta-row__author")!.TextContent));
        var time = meta.QuerySelector("time")!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", time.GetAttribute("datetime"));
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]+ \d{4}$", time.TextContent.Trim());
        Assert.False(string.IsNullOrEmpty(time.GetAttribute("title")));
        Assert.Matches(@"^\d+ min read$", meta.QuerySelector(".meta-row__reading")!.TextContent.Trim());
        Assert.Matches(@"^[\d,]+ (view|views)$", meta.QuerySelector(".meta-row__views")!.TextContent.Trim());
        Assert.Matches(@"^[\d,]+ (heart|hearts)$", meta.QuerySelector(".meta-row__hearts")!.TextContent.Trim());
    }

    [Fact]
    public async Task Article_ReadingTime_MatchesStoredWordCount()
    {
        var words = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "reading-go-stack-traces").Select(a => a.WordCount).SingleAsync());
        var page = await GetAsync(Sample);
        Assert.InRange(words, 600, 2500);
        Assert.Equal($"{ReadingTime.Of(words)} min read", page.QuerySelector(".meta-row__reading")!.TextContent.Trim());
    }

    [Fact]
    public async Task Article_Counts_UseSingularForOne_AndPluralOtherwise()
    {
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == Fixtures.ShortSlug)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, 1L).SetProperty(a => a.Hearts, 0L)));

        // A cookie keeps this request out of the shared page cache, so it shows the fresh counts.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/articles/" + Fixtures.ShortSlug);
        request.Headers.Add("Cookie", "fresh=1");
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient("Googlebot/2.1").SendAsync(request));

        Assert.Equal("1 view", page.QuerySelector(".meta-row__views")!.TextContent.Trim());
        Assert.Equal("0 hearts", page.QuerySelector(".meta-row__hearts")!.TextContent.Trim());
        Assert.Equal("1 min read", page.QuerySelector(".meta-row__reading")!.TextContent.Trim());
    }

    [Fact]
    public async Task Article_AdSlots_AboveAndBelowBody_AreLabelled()
    {
        var page = await GetAsync(Sample);
        var article = page.QuerySelector("article.article")!;
        var children = article.Children.ToList();
        var body = children.FindIndex(e => e.ClassList.Contains("article__body"));
        var slots = children.Select((e, i) => (e, i)).Where(x => x.e.ClassList.Contains("ad-slot")).ToList();

        Assert.Equal(2, slots.Count);
        Assert.True(slots[0].i < body && slots[1].i > body);
        foreach (var (slot, _) in slots)
        {
            Assert.Equal("Advertisement", slot.QuerySelector(".ad-slot__label")!.TextContent.Trim());
            Assert.Contains(slot.ClassList, c => c is "ad-slot--banner" or "ad-slot--rectangle");
        }
    }

    [Fact]
    public async Task Article_WithAdsOff_HasNoAdSlots_AndClosedComments()
    {
        var page = await GetAsync("/articles/" + Fixtures.AdsOffSlug);
        Assert.Empty(page.QuerySelectorAll(".ad-slot"));
        Assert.Contains("closed", page.QuerySelector(".comments")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Article_Body_HasHeadingAnchors_TableOfContents_AndServerHighlighting()
    {
        var page = await GetAsync(Sample);
        var body = page.QuerySelector(".article__body")!;

        var headings = body.QuerySelectorAll("h2[id], h3[id]");
        Assert.True(headings.Length >= 3);
        foreach (var heading in headings)
        {
            Assert.Equal("#" + heading.Id, heading.QuerySelector("a.heading-anchor")!.GetAttribute("href"));
        }

        var toc = page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(headings.Select(h => "#" + h.Id), toc);

        Assert.NotEmpty(body.QuerySelectorAll("pre code.language-go span[class^='hl-']"));
        Assert.NotEmpty(body.QuerySelectorAll("table th"));
        Assert.NotEmpty(body.QuerySelectorAll(".footnotes li"));
        Assert.Empty(page.QuerySelectorAll(XssSample.InlineScript));
    }

    [Fact]
    public async Task Article_WithFewHeadings_HasNoTableOfContents()
    {
        var page = await GetAsync("/articles/" + Fixtures.ShortSlug);
        Assert.Null(page.QuerySelector(".toc"));
    }

    [Fact]
    public async Task Article_Tags_LinkToTagPages()
    {
        var page = await GetAsync(Sample);
        var tags = page.QuerySelectorAll(".tag-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/tags/go", tags);
        Assert.All(tags, href => Assert.StartsWith("/tags/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Article_CommentsSection_InvitesNotes_AndShowsEmptyState()
    {
        var page = await GetAsync(Sample);
        var comments = page.QuerySelector("section.comments")!;
        Assert.Contains("visible to every reader", comments.QuerySelector(".comments__invitation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No comments yet", comments.QuerySelector(".comments__empty")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Join the discussion", comments.QuerySelector(".comments__join")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/" + Fixtures.DraftSlug)]
    [InlineData("/articles/" + Fixtures.FutureSlug)]
    [InlineData("/articles/Not_A_Slug")]
    [InlineData("/categories/no-such-category")]
    [InlineData("/tags/no-such-tag")]
    [InlineData("/?pageNumber=99")]
    [InlineData("/?pageNumber=0")]
    public async Task Missing_Or_Unpublished_AnswersFriendly404(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal("We couldn't find that page", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task OldSlug_RedirectsPermanently_ToCurrentSlug()
    {
        await factory.WithDbAsync(async db =>
        {
            var id = await db.Articles.Where(a => a.Slug == "sizing-go-worker-pools").Select(a => a.Id).SingleAsync();
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = "old-worker-pools", ArticleId = id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var response = await factory.CreateReaderClient().GetAsync("/articles/old-worker-pools");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles/sizing-go-worker-pools", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HostileTitleAndBody_RenderInert()
    {
        var response = await factory.CreateReaderClient().GetAsync("/articles/" + Fixtures.HostileSlug);
        var page = await BlogFactory.ParseAsync(response);

        Assert.Equal(Fixtures.HostileTitle, page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(XssSample.InlineScript));
        Assert.Empty(page.QuerySelectorAll("img[onerror]"));
        var links = page.QuerySelectorAll(".article__body a").Select(a => a.GetAttribute("href") ?? "");
        Assert.DoesNotContain(links, href => href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || href.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DeeplyNestedArticle_ShowsFallback_InBoundedTime()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await factory.CreateReaderClient().GetAsync("/articles/" + Fixtures.DeepSlug);
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        var page = await BlogFactory.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".render-fallback"));
    }
}
