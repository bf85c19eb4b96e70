using System.Net;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Comments;

public sealed class CreateTests
{
    private const string Slug = "ef-core-query-counts";
    private const string ArticlePath = "/articles/" + Slug;

    private static BlogFactory Factory(params (string Key, string Value)[] settings)
    {
        var factory = new BlogFactory();
        factory.Settings["Comments:MinFormAgeSeconds"] = "0";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>A reader who already has cookies, so the article page embeds the form's token.</summary>
    private static async Task<HttpClient> ReaderAsync(BlogFactory factory, string? userAgent = null, string? peer = null)
    {
        var client = factory.CreateReaderClient(userAgent ?? BlogFactory.BrowserUserAgent, peer);
        await client.GetAsync("/antiforgery/token");
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string name, string body, string path = ArticlePath,
        string intent = "post", Dictionary<string, string>? extra = null)
    {
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Body"] = body };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        return Forms.SubmitAsync(client, path, "form.comment-form", values, submitName: "intent=" + intent)
            .ContinueWith(t => t.Result, TaskScheduler.Default);
    }

    private static Task<List<Comment>> CommentsAsync(BlogFactory factory) =>
        factory.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task Comment_IsPublished_AndShownWithNameDateAndMarkdown()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);

        var response = await PostAsync(client, "Grace", "Thanks! The `AsSplitQuery()` tip *saved* my evening.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var comment = Assert.Single(await CommentsAsync(factory));
        Assert.Equal(CommentStatus.Published, comment.Status);
        Assert.Equal($"{ArticlePath}#comment-{comment.Id}", response.Headers.Location!.OriginalString);

        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath));
        var shown = page.QuerySelector($"#comment-{comment.Id}")!;
        Assert.Equal("Grace", shown.QuerySelector(".comment__author")!.TextContent);
        Assert.NotNull(shown.QuerySelector("time[datetime]"));
        Assert.Equal("AsSplitQuery()", shown.QuerySelector(".comment__body code")!.TextContent);
        Assert.Equal("saved", shown.QuerySelector(".comment__body em")!.TextContent);
        Assert.Equal("1 comment", page.QuerySelector(".comments__title")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".comments__empty"));
    }

    [Fact]
    public async Task Reply_IsShownUnderItsParent_AndRepliesStayOneLevelDeep()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);
        await PostAsync(client, "Grace", "First!");
        var parent = (await CommentsAsync(factory)).Single();

        var reply = await PostAsync(client, "Linus", "A reply.", path: $"{ArticlePath}?replyTo={parent.Id}");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var child = (await CommentsAsync(factory)).Last();
        var nested = await PostAsync(client, "Ada", "A reply to the reply.", extra: new() { ["Input.ParentId"] = child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, nested.StatusCode);

        var comments = await CommentsAsync(factory);
        Assert.Equal(parent.Id, comments[1].ParentId);
        Assert.Equal(parent.Id, comments[2].ParentId);
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath));
        Assert.Equal(2, page.QuerySelectorAll($"#comment-{parent.Id} .comment__replies > li").Length);
    }

    [Fact]
    public async Task Preview_RendersWithoutStoring_AndKeepsTheText()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);

        var response = await PostAsync(client, "Grace", "Some **bold** words", intent: "preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal("bold", page.QuerySelector(".comment--preview .comment__body strong")!.TextContent);
        Assert.Equal("Some **bold** words", page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.Empty(await CommentsAsync(factory));
    }

    [Theory]
    [InlineData("", "Hello", "Input.Name", "Please give a name")]
    [InlineData("Grace", "", "Input.Body", "Please write your comment")]
    [InlineData("Grace", "TOO-LONG", "Input.Body", "at most 10,000 characters")]
    [InlineData("NAME-TOO-LONG", "Hello", "Input.Name", "at most 80 characters")]
    public async Task InvalidComment_Is422_WithTheReason_AndNothingStored(string name, string body, string field, string message)
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);
        body = body == "TOO-LONG" ? new string('x', 10_001) : body;
        name = name == "NAME-TOO-LONG" ? new string('n', 81) : name;

        var response = await PostAsync(client, name, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("correct the field marked below", page.QuerySelector(".comment-form .form__errors[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, Forms.DescriptionOfInvalid(page, field), StringComparison.Ordinal);
        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.Empty(await CommentsAsync(factory));
    }

    [Fact]
    public async Task HugeRequest_Is413_WithAReadablePage()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);

        var response = await PostAsync(client, "Grace", new string('x', 200_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CommentsAsync(factory));
    }

    [Fact]
    public async Task Honeypot_Filled_IsRefused_AndNothingStored()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);

        var response = await PostAsync(client, "Bot", "Buy now", extra: new() { ["Input.Website"] = "http://spam.example" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("looks automated", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CommentsAsync(factory));
    }

    [Fact]
    public async Task FormPostedTooSoon_IsRefused_ThenAcceptedAfterWaiting()
    {
        using var factory = Factory(("Comments:MinFormAgeSeconds", "2"));
        var client = await ReaderAsync(factory);

        var quick = await PostAsync(client, "Grace", "Fast fingers");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, quick.StatusCode);
        Assert.Empty(await CommentsAsync(factory));

        // The refused page keeps the original stamp, so posting it again after the wait goes through.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await BlogFactory.ParseAsync(quick)).QuerySelector("form.comment-form")!;
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var again = await Forms.PostAsync(client, form, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single(await CommentsAsync(factory));
    }

    [Fact]
    public async Task WithoutToken_Is400_KeepsTheText_AndNothingStored()
    {
        using var factory = Factory();
        var client = factory.CreateReaderClient();

        // A cookie-less reader gets the shared page, whose form has no token; without a script the post arrives without one.
        var response = await PostAsync(client, "Grace", "Hello without a token");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal("Hello without a token", page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.Empty(await CommentsAsync(factory));

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.comment-form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(client, form, new Dictionary<string, string>())).StatusCode);
        Assert.Single(await CommentsAsync(factory));
    }

    [Fact]
    public async Task ManyLinks_OrBlockedWord_AreHeld_AndOnlyThePosterSeesThem()
    {
        using var factory = Factory(("Comments:Blocklist:0", "casino"));
        var poster = await ReaderAsync(factory);
        var links = await PostAsync(poster, "Grace", "See https://a.example, https://b.example and https://c.example");
        var word = await PostAsync(poster, "Grace", "Best CASINO in town");
        Assert.Equal(HttpStatusCode.Redirect, links.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, word.StatusCode);

        var held = await CommentsAsync(factory);
        Assert.All(held, c => Assert.Equal(CommentStatus.Pending, c.Status));
        Assert.Equal("Contains 3 links (more than 2)", held[0].HeldReason);
        Assert.Equal("Contains the blocked word \"casino\"", held[1].HeldReason);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ModerationEvents.CountAsync(e => e.Action == ModerationAction.HeldAutomatically)));

        var own = await BlogFactory.ParseAsync(await poster.GetAsync(ArticlePath));
        Assert.Equal(2, own.QuerySelectorAll(".comment__pending").Length);
        Assert.Contains("Awaiting moderation", own.QuerySelector(".comment__pending")!.TextContent, StringComparison.Ordinal);

        var other = await BlogFactory.ParseAsync(await (await ReaderAsync(factory, "Mozilla/5.0 (Other reader)")).GetAsync(ArticlePath));
        Assert.Empty(other.QuerySelectorAll(".comment"));
        var anonymous = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath));
        Assert.Empty(anonymous.QuerySelectorAll(".comment"));
    }

    [Fact]
    public async Task HoldAllPolicy_HoldsEveryComment()
    {
        using var factory = Factory(("Comments:Policy", "HoldAll"));
        var client = await ReaderAsync(factory);
        await PostAsync(client, "Grace", "Plain and polite.");
        var comment = Assert.Single(await CommentsAsync(factory));
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Equal("Every comment waits for approval", comment.HeldReason);
    }

    [Fact]
    public async Task DuplicateComment_IsRefused()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Grace", "Same words")).StatusCode);

        var again = await PostAsync(client, "Grace", "Same words");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("already posted", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await CommentsAsync(factory));
    }

    [Fact]
    public async Task Name_IsNormalised()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);

        var response = await PostAsync(client, "  Gra\u202Ece\u0007  \u0301Hopper ", "Hello");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal("Grace \u0301Hopper".Normalize(), Assert.Single(await CommentsAsync(factory)).AuthorName);
    }

    [Fact]
    public async Task Comments_OverTheRateLimit_Answer429_WithRetryAfter()
    {
        using var factory = Factory(("Comments:PostsPerWindow", "2"));
        var client = await ReaderAsync(factory);
        await PostAsync(client, "Grace", "One");
        await PostAsync(client, "Grace", "Two");

        var third = await PostAsync(client, "Grace", "Three");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Contains("minutes, then try again", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await CommentsAsync(factory)).Count);
    }

    [Fact]
    public async Task ClosedArticle_HasNoForm_AndRefusesPosts()
    {
        using var factory = Factory();
        var client = await ReaderAsync(factory);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/articles/" + Fixtures.AdsOffSlug));
        Assert.Null(page.QuerySelector("form.comment-form"));

        var open = await BlogFactory.ParseAsync(await client.GetAsync(ArticlePath));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)open.QuerySelector("form.comment-form")!;
        form.Action = $"/articles/{Fixtures.AdsOffSlug}/comments";
        var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.Body"] = "Hi" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Comments are closed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CommentsAsync(factory));
    }

    [Fact]
    public async Task CommentsClose_AfterConfiguredDays()
    {
        using var factory = Factory(("Comments:CloseAfterDays", "30"));
        var page = await BlogFactory.ParseAsync(await (await ReaderAsync(factory)).GetAsync(ArticlePath));
        Assert.Null(page.QuerySelector("form.comment-form"));
        Assert.NotNull(page.QuerySelector(".comments__closed"));
    }

    [Fact]
    public async Task Reports_FromEnoughReaders_HoldTheComment()
    {
        using var factory = Factory(("Comments:ReportsToHold", "2"));
        var posted = await PostAsync(await ReaderAsync(factory), "Grace", "Something rude");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var comment = Assert.Single(await CommentsAsync(factory));
        Assert.Equal(CommentStatus.Published, comment.Status);

        for (var i = 0; i < 2; i++)
        {
            // Reports count once per address, so these readers are at two.
            var reader = await ReaderAsync(factory, $"Mozilla/5.0 (Reporter {i})", peer: $"203.0.113.{i + 1}");
            var response = await Forms.SubmitAsync(reader, ArticlePath, "form.comment__report", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            if (i == 0)
            {
                // The same reader reporting again does not count twice.
                await Forms.SubmitAsync(reader, ArticlePath, "form.comment__report", new Dictionary<string, string>());
                Assert.Equal(1, (await CommentsAsync(factory)).Single().ReportCount);
            }
        }

        var held = Assert.Single(await CommentsAsync(factory));
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal(2, held.ReportCount);
        Assert.Equal("Reported by 2 readers", held.HeldReason);
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath));
        Assert.Null(page.QuerySelector($"#comment-{comment.Id}"));
    }
}
