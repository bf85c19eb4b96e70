using System.Net;
using AngleSharp.Dom;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Articles;

/// <summary>The article page shows its comments a page of threads at a time, oldest first, with two threads a page here.</summary>
public sealed class CommentPagingTests
{
    private const string Slug = "ef-core-query-counts";
    private const string ArticlePath = "/articles/" + Slug;
    private static readonly DateTime Start = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private static BlogFactory Factory(params (string Key, string Value)[] settings)
    {
        var factory = new BlogFactory();
        factory.Settings["Comments:MinFormAgeSeconds"] = "0";
        factory.Settings["Comments:ThreadsPerPage"] = "2";
        factory.Settings["Comments:RepliesPerThread"] = "2";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>Stores comments in one go: (name, minutes after the start, the name of its parent or null, status).</summary>
    private static Task<Dictionary<string, int>> SeedAsync(BlogFactory factory, params (string Name, int Minute, string? Parent, CommentStatus Status)[] comments) =>
        factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == Slug).Select(a => a.Id).SingleAsync();
            var ids = new Dictionary<string, int>();
            foreach (var (name, minute, parent, status) in comments)
            {
                var comment = new Comment
                {
                    ArticleId = articleId,
                    ParentId = parent is null ? null : ids[parent],
                    AuthorName = name,
                    Body = $"Words of {name}.",
                    Status = status,
                    CreatedAt = Start.AddMinutes(minute),
                };
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                ids[name] = comment.Id;
            }

            return ids;
        });

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BlogFactory.ParseAsync(response);
    }

    private static List<string> Threads(IDocument page) =>
        page.QuerySelectorAll(".comments__list > li.comment > .comment__meta .comment__author").Select(a => a.TextContent).ToList();

    private static List<string> RepliesOf(IDocument page, int id) =>
        page.QuerySelectorAll($"#comment-{id} .comment--reply .comment__author").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Threads_ArePagedOldestFirst_WithTheirReplies_AndTheCountIsEveryPublishedComment()
    {
        using var factory = Factory();
        var ids = await SeedAsync(factory,
            ("Ann", 1, null, CommentStatus.Published), ("Bob", 2, null, CommentStatus.Published),
            ("Hid", 3, null, CommentStatus.Hidden), ("Cat", 4, null, CommentStatus.Published),
            ("Ann-reply", 5, "Ann", CommentStatus.Published), ("Dan", 6, null, CommentStatus.Published),
            ("Eve", 7, null, CommentStatus.Published), ("Cat-reply", 8, "Cat", CommentStatus.Published),
            ("Spam-reply", 9, "Cat", CommentStatus.Spam));
        var client = factory.CreateReaderClient();

        var first = await GetAsync(client, ArticlePath);
        var second = await GetAsync(client, ArticlePath + "?commentPage=2");
        var third = await GetAsync(client, ArticlePath + "?commentPage=3");

        Assert.Equal(["Ann", "Bob"], Threads(first));
        Assert.Equal(["Ann-reply"], RepliesOf(first, ids["Ann"]));
        Assert.Equal(["Cat", "Dan"], Threads(second));
        Assert.Equal(["Cat-reply"], RepliesOf(second, ids["Cat"]));
        Assert.Equal(["Eve"], Threads(third));
        Assert.All(new[] { first, second, third }, page => Assert.Equal("7 comments", page.QuerySelector(".comments__title")!.TextContent.Trim()));

        Assert.Null(first.QuerySelector(".comments .pager a[rel=prev]"));
        Assert.Equal(ArticlePath + "?commentPage=2#comments-title", first.QuerySelector(".comments .pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(ArticlePath + "#comments-title", second.QuerySelector(".comments .pager a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Page 3 of 3", third.QuerySelector(".comments .pager__position")!.TextContent);
        Assert.Null(third.QuerySelector(".comments .pager a[rel=next]"));
    }

    [Theory]
    [InlineData("?commentPage=4")]
    [InlineData("?commentPage=0")]
    [InlineData("?commentPage=two")]
    [InlineData("?thread=999999")]
    [InlineData("?comment=abc")]
    public async Task CommentPage_ThatDoesNotExist_Is404(string query)
    {
        using var factory = Factory();
        await SeedAsync(factory, ("Ann", 1, null, CommentStatus.Published), ("Bob", 2, null, CommentStatus.Published), ("Cat", 3, null, CommentStatus.Published));

        var response = await factory.CreateReaderClient().GetAsync(ArticlePath + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LongThread_ShowsItsFirstReplies_AndGoesOnOnPagesOfItsOwn()
    {
        using var factory = Factory();
        var ids = await SeedAsync(factory,
            ("Ann", 1, null, CommentStatus.Published), ("R1", 2, "Ann", CommentStatus.Published), ("R2", 3, "Ann", CommentStatus.Published),
            ("R3", 4, "Ann", CommentStatus.Published), ("R4", 5, "Ann", CommentStatus.Published), ("R5", 6, "Ann", CommentStatus.Published));
        var client = factory.CreateReaderClient();
        var thread = ids["Ann"];

        var main = await GetAsync(client, ArticlePath);
        Assert.Equal(["R1", "R2"], RepliesOf(main, thread));
        var more = main.QuerySelector($"#comment-{thread} .comment__more a")!;
        Assert.Equal("3 more replies →", more.TextContent.Trim());
        Assert.Equal($"{ArticlePath}?thread={thread}&commentPage=2#comments-title", more.GetAttribute("href"));

        var second = await GetAsync(client, $"{ArticlePath}?thread={thread}&commentPage=2");
        Assert.Equal(["Ann"], Threads(second));
        Assert.Equal(["R3", "R4"], RepliesOf(second, thread));
        Assert.Equal($"{ArticlePath}#comment-{thread}", second.QuerySelector(".comments__thread a")!.GetAttribute("href"));
        Assert.Equal(["R5"], RepliesOf(await GetAsync(client, $"{ArticlePath}?thread={thread}&commentPage=3"), thread));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{ArticlePath}?thread={thread}&commentPage=4")).StatusCode);
    }

    [Fact]
    public async Task LinkToAComment_GoesToThePageThatHoldsIt()
    {
        using var factory = Factory();
        var ids = await SeedAsync(factory,
            ("Ann", 1, null, CommentStatus.Published), ("Bob", 2, null, CommentStatus.Published), ("Cat", 3, null, CommentStatus.Published),
            ("R1", 4, "Cat", CommentStatus.Published), ("R2", 5, "Cat", CommentStatus.Published), ("R3", 6, "Cat", CommentStatus.Published),
            ("Gone", 7, null, CommentStatus.Hidden));
        var client = factory.CreateReaderClient();

        async Task<string> LocationOf(string name)
        {
            var response = await client.GetAsync($"{ArticlePath}?comment={ids[name]}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.OriginalString;
        }

        Assert.Equal($"{ArticlePath}#comment-{ids["Ann"]}", await LocationOf("Ann"));
        Assert.Equal($"{ArticlePath}?commentPage=2#comment-{ids["Cat"]}", await LocationOf("Cat"));
        Assert.Equal($"{ArticlePath}?commentPage=2#comment-{ids["R2"]}", await LocationOf("R2"));
        Assert.Equal($"{ArticlePath}?commentPage=2&thread={ids["Cat"]}#comment-{ids["R3"]}", await LocationOf("R3"));
        Assert.Equal($"{ArticlePath}#comments-title", await LocationOf("Gone"));

        // Each place really shows the comment.
        Assert.NotNull((await GetAsync(client, $"{ArticlePath}?thread={ids["Cat"]}&commentPage=2")).QuerySelector($"#comment-{ids["R3"]}"));
    }

    [Fact]
    public async Task ReplyLink_ToAThreadOnALaterPage_ShowsThatPageAndTheForm()
    {
        using var factory = Factory();
        var ids = await SeedAsync(factory,
            ("Ann", 1, null, CommentStatus.Published), ("Bob", 2, null, CommentStatus.Published), ("Cat", 3, null, CommentStatus.Published));

        var page = await GetAsync(factory.CreateReaderClient(), $"{ArticlePath}?replyTo={ids["Cat"]}");

        Assert.Equal(["Cat"], Threads(page));
        Assert.Equal(ids["Cat"].ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("form.comment-form input[name='Input.ParentId']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task PostedComment_RedirectsToTheLastPage_AndTheHeldOneShowsThereToItsPosterOnly()
    {
        using var factory = Factory(("Comments:Blocklist:0", "casino"));
        await SeedAsync(factory,
            ("Ann", 1, null, CommentStatus.Published), ("Bob", 2, null, CommentStatus.Published), ("Cat", 3, null, CommentStatus.Published));
        var poster = factory.CreateReaderClient();
        await poster.GetAsync("/antiforgery/token");

        var posted = await Forms.SubmitAsync(poster, ArticlePath, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.Body"] = "Best CASINO in town" }, submitName: "intent=post");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var held = await factory.WithDbAsync(db => db.Comments.SingleAsync(c => c.AuthorName == "Grace"));
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal($"{ArticlePath}?commentPage=2#comment-{held.Id}", posted.Headers.Location!.OriginalString);

        var own = await GetAsync(poster, ArticlePath + "?commentPage=2");
        Assert.Equal(["Cat", "Grace"], Threads(own));
        Assert.NotNull(own.QuerySelector($"#comment-{held.Id} .comment__pending"));
        Assert.Equal(["Ann", "Bob"], Threads(await GetAsync(poster, ArticlePath)));
        Assert.Equal("3 comments", own.QuerySelector(".comments__title")!.TextContent.Trim());
        Assert.Equal(["Cat"], Threads(await GetAsync(factory.CreateReaderClient(), ArticlePath + "?commentPage=2")));
    }
}
