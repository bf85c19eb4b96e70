using System.Net;
using BlogSite.Content;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlogSite.IntegrationTests.Pages.Comments;

/// <summary>Comments that cannot be formatted, or would be huge, on preview, on post and on the article page: never a 5xx.</summary>
public sealed class RenderLimitTests(RenderLimitTests.CommentFactory factory) : IClassFixture<RenderLimitTests.CommentFactory>
{
    private const string Slug = "ef-core-query-counts";
    private const string ArticlePath = "/articles/" + Slug;

    public sealed class CommentFactory : BlogFactory
    {
        public CommentFactory()
        {
            Settings["Comments:MinFormAgeSeconds"] = "0";
            // Every test here posts from the one test address.
            Settings["Comments:PostsPerWindow"] = "10000";
        }
    }

    public static TheoryData<string> Shapes() => new(PathologicalInputs.Comments.Keys);

    private async Task<HttpResponseMessage> SendAsync(string body, string intent, string name = "Grace")
    {
        var client = factory.CreateReaderClient();
        await client.GetAsync("/antiforgery/token");
        return await Forms.SubmitAsync(client, ArticlePath, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Body"] = body }, submitName: "intent=" + intent);
    }

    private async Task<IDisposable> OccupyEveryRenderSlotAsync()
    {
        var slots = factory.Services.GetRequiredService<RenderSlots>();
        var count = factory.Services.GetRequiredService<IOptions<RenderingOptions>>().Value.MaxConcurrentRenders;
        var gate = new ManualResetEventSlim();
        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(await slots.TryStartAsync(() => gate.Wait(TimeSpan.FromMinutes(1)), CancellationToken.None));
        }

        return new SlotRelease(gate);
    }

    private sealed class SlotRelease(ManualResetEventSlim gate) : IDisposable
    {
        public void Dispose() => gate.Set();
    }

    private Task<bool> StoredAsync(string body) => factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Body == body));

    [Theory]
    [InlineData("preview")]
    [InlineData("post")]
    public async Task OverLongBody_Is422BeforeAnyRender_KeepingTheText(string intent)
    {
        // Under the 64 KB request limit, over the 10,000-character comment limit: emphasis closers with no openers (A2).
        var body = PathologicalInputs.Repeat("a_ ", 19_333) + "a";

        // Every render slot is taken, so a page that tried to format the body would answer "busy" instead.
        HttpResponseMessage response;
        using (await OccupyEveryRenderSlotAsync())
        {
            response = await SendAsync(body, intent);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("at most 10,000 characters; this one has 58,000", Forms.DescriptionOfInvalid(page, "Input.Body"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".comment--preview"));
        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.False(await StoredAsync(body));
    }

    [Fact]
    public async Task OverLongName_OnPreview_Is422()
    {
        var response = await SendAsync("Hello", "preview", name: new string('n', 5_000));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 80 characters", Forms.DescriptionOfInvalid(await BlogFactory.ParseAsync(response), "Input.Name"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task PathologicalComment_OnPreviewAndPost_Is422WithWhatToChange_KeepingTheText_AndNothingStored(string shape)
    {
        var body = PathologicalInputs.Comments[shape];
        foreach (var intent in new[] { "preview", "post" })
        {
            var response = await SendAsync(body, intent);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await BlogFactory.ParseAsync(response);
            var error = Forms.DescriptionOfInvalid(page, "Input.Body");
            // Deep nesting also writes long HTML, so which bound it meets first depends on the shape.
            Assert.Matches(PathologicalInputs.IsTooDeep(shape)
                ? "^Your comment (is nested too deeply to format|would be over 100,000 characters once formatted|took too long to format)"
                : "^Your comment would be over 100,000 characters once formatted", error);
            Assert.Contains("try again", error, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector(".comment--preview"));
            Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
            Assert.True((await response.Content.ReadAsStringAsync()).Length < 200_000, "the answer is not blown up");
        }

        Assert.False(await StoredAsync(body));
    }

    [Fact]
    public async Task SlowComment_OnPreview_IsShownAsTextOrRefusedAsTooSlow_NeverAnError()
    {
        var body = PathologicalInputs.SlowBrackets;

        var response = await SendAsync(body, "preview");

        var page = await BlogFactory.ParseAsync(response);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains(body, page.QuerySelector(".comment--preview")!.TextContent, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.StartsWith("Your comment took too long to format", Forms.DescriptionOfInvalid(page, "Input.Body"), StringComparison.Ordinal);
        }

        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task StoredCommentThatCannotRender_ShowsAsPlainText_OnTheArticlePage(string shape)
    {
        var body = PathologicalInputs.Comments[shape];
        var id = await factory.WithDbAsync(async db =>
        {
            var comment = new Comment
            {
                ArticleId = await db.Articles.Where(a => a.Slug == Slug).Select(a => a.Id).SingleAsync(),
                AuthorName = "Stored before the limits",
                Body = body,
                Status = CommentStatus.Published,
                CreatedAt = DateTime.UtcNow,
                PosterHash = "test",
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

        // A signed reader's page is rendered afresh, not served from the shared page cache.
        var client = factory.CreateReaderClient();
        await client.GetAsync("/antiforgery/token");
        var response = await client.GetAsync(ArticlePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var shown = page.QuerySelector($"#comment-{id} .comment__body")!;
        Assert.Equal(body, shown.QuerySelector("p.comment__plain")!.TextContent);
        Assert.Empty(shown.QuerySelectorAll("a, blockquote, ul"));
    }
}
