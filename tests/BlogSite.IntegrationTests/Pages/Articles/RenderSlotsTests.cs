using System.Diagnostics;
using System.Net;

namespace BlogSite.IntegrationTests.Pages.Articles;

/// <summary>Rendering:MaxConcurrentRenders: a render that holds every slot makes the next article show its source at once, not queue behind it.</summary>
public sealed class RenderSlotsTests
{
    private const string SlowSlug = "fixture-slow-render";
    private const string OtherPath = "/articles/ef-core-query-counts";

    [Fact]
    public async Task WithOneSlot_TakenByASlowRender_AnotherArticleGetsItsSourceQuickly_ThenRendersOnceTheSlotIsFree()
    {
        using var factory = new BlogFactory();
        factory.Settings["Rendering:MaxConcurrentRenders"] = "1";
        factory.Settings["Rendering:RenderSlotWaitMilliseconds"] = "200";
        // Markdig takes seconds to refuse 80,000 nested list items (shared/testdata/pathological-markdown.md, B4).
        File.WriteAllText(Path.Combine(factory.ContentFolder, SlowSlug + ".md"),
            Fixtures.File(SlowSlug, "Slow to render", body: PathologicalInputs.Repeat("* ", 80_000) + "a\n"));
        var client = factory.CreateReaderClient();
        await client.GetAsync("/antiforgery/token");

        var slow = client.GetAsync("/articles/" + SlowSlug);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var other = await client.GetAsync(OtherPath);

        // The fallback shows it did not wait for the slow render to finish.
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var busy = await BlogFactory.ParseAsync(other);
        Assert.StartsWith("Many pages are being formatted right now", busy.QuerySelector(".render-fallback")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(busy.QuerySelector("pre.render-fallback-source"));

        var slowPage = await BlogFactory.ParseAsync(await slow);
        Assert.NotNull(slowPage.QuerySelector(".render-fallback"));
        Assert.False(slow.IsFaulted);

        // A busy answer is not remembered: once the slow render has really ended and freed the slot, the article is formatted.
        var until = Stopwatch.StartNew();
        AngleSharp.Html.Dom.IHtmlDocument later;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            later = await BlogFactory.ParseAsync(await client.GetAsync(OtherPath));
        }
        while (later.QuerySelector(".render-fallback") is not null && until.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Null(later.QuerySelector(".render-fallback"));
        Assert.NotEmpty(later.QuerySelectorAll(".article__body p"));
    }

    [Theory]
    [InlineData(10_000, "[")]
    [InlineData(10_000, ">")]
    public async Task ArticleTooDeepToFormat_ShowsItsSource_NotAnError(int count, string unit)
    {
        using var factory = new BlogFactory();
        var body = PathologicalInputs.Repeat(unit, count) + "\n";
        File.WriteAllText(Path.Combine(factory.ContentFolder, "fixture-deep-shape.md"), Fixtures.File("fixture-deep-shape", "Deep shape", body: body));

        var response = await factory.CreateReaderClient().GetAsync("/articles/fixture-deep-shape");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal("This article is nested too deeply to format, so here is its source text.", page.QuerySelector(".render-fallback")!.TextContent);
        Assert.Equal(body.TrimEnd('\n'), page.QuerySelector("pre.render-fallback-source")!.TextContent.TrimEnd('\n'));
    }
}
