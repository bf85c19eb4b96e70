using BlogSite.Components;
using BlogSite.Pages.Articles;
using Bunit;

namespace BlogSite.Tests.Components;

public sealed class ArticleCardTests : BunitContext
{
    private static ArticleSummary Summary(string summary = "How many goroutines is enough?", string title = "Sizing Go worker pools") =>
        new("sizing-go-worker-pools", title, summary, "tech", "Tech", "Ana Lima",
            new DateTime(2026, 6, 1, 9, 30, 0, DateTimeKind.Utc), ReadingMinutes: 7, Views: 1, Hearts: 0);

    private IRenderedComponent<ArticleCard> RenderCard(ArticleSummary article) =>
        Render<ArticleCard>(p => p
            .Add(c => c.Article, article)
            .Add(c => c.Href, "/articles/sizing-go-worker-pools")
            .Add(c => c.CategoryHref, "/categories/tech"));

    [Fact]
    public void Render_Article_CategoryLink()
    {
        var link = RenderCard(Summary()).Find("a.card__category");

        Assert.Equal("Tech", link.TextContent);
        Assert.Equal("/categories/tech", link.GetAttribute("href"));
    }

    [Fact]
    public void Render_Article_TitleLinksToArticle()
    {
        var link = RenderCard(Summary()).Find("h2.card__title > a");

        Assert.Equal("Sizing Go worker pools", link.TextContent);
        Assert.Equal("/articles/sizing-go-worker-pools", link.GetAttribute("href"));
    }

    [Fact]
    public void Render_Article_Summary() =>
        Assert.Equal("How many goroutines is enough?", RenderCard(Summary()).Find("p.card__summary").TextContent);

    [Fact]
    public void Render_NoSummary_NoSummaryParagraph() =>
        Assert.Empty(RenderCard(Summary(summary: "")).FindAll(".card__summary"));

    [Fact]
    public void Render_Article_MetaRowWithMonthReadingTimeAndCounts()
    {
        var meta = RenderCard(Summary()).Find(".card .meta-row");

        Assert.Equal("June 2026", meta.QuerySelector("time")?.TextContent);
        Assert.Equal("7 min read", meta.QuerySelector(".meta-row__reading")?.TextContent);
        Assert.Equal("1 view", meta.QuerySelector(".meta-row__views")?.TextContent);
        Assert.Equal("0 hearts", meta.QuerySelector(".meta-row__hearts")?.TextContent);
    }

    [Fact]
    public void Render_MarkupInTitle_ShownAsText()
    {
        var card = RenderCard(Summary(title: "<img src=x onerror=alert(1)> & more"));

        Assert.Empty(card.FindAll("img"));
        Assert.Equal("<img src=x onerror=alert(1)> & more", card.Find("h2.card__title > a").TextContent);
    }
}
