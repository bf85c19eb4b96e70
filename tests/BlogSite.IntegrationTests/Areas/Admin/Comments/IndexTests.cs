using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Areas.Admin.Pages.Comments;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Areas.Admin.Comments;

public sealed class IndexTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private async Task<HttpClient> ModeratorAsync() => (await AdminData.SignInAsync(factory, Roles.Moderator)).Client;

    [Fact]
    public async Task Queue_ByDefault_ListsPendingNewestFirst_WithContext()
    {
        var marker = AdminData.Marker();
        var parent = await AdminData.AddCommentAsync(factory, CommentStatus.Published, $"The parent comment talks about goroutines {marker}", "Grace Parent");
        var older = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Older pending {marker}", createdAt: DateTime.UtcNow.AddHours(-2));
        var reply = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"A **bold** reply {marker}", "Ravi Reply",
            heldReason: "More than 2 links", reports: 2, parentId: parent);
        var client = await ModeratorAsync();

        var page = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?q={marker}"));

        var ids = page.QuerySelectorAll("tr.mod-row input[name='ids']").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([reply, older], ids);
        Assert.Equal("page", page.QuerySelector(".status-tabs a[aria-current]")!.GetAttribute("aria-current"));
        Assert.StartsWith("Pending", page.QuerySelector(".status-tabs a[aria-current]")!.TextContent.Trim(), StringComparison.Ordinal);

        var row = AdminData.Row(page, reply);
        Assert.Equal($"/articles/{AdminData.ArticleSlug}?comment={reply}", row.QuerySelector(".mod-row__article a")!.GetAttribute("href"));
        Assert.Contains("Grace Parent", row.QuerySelector(".mod-row__parent")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("goroutines", row.QuerySelector(".mod-row__parent")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("bold", row.QuerySelector(".mod-row__body strong")!.TextContent);
        Assert.Equal("Ravi Reply", row.QuerySelector(".mod-row__author")!.TextContent.Trim());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", row.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("More than 2 links", row.QuerySelector(".mod-flag--held")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2 reports", row.QuerySelector(".mod-flag--reports")!.TextContent.Trim());
        Assert.Equal(["approve", "hide", "spam", "delete"],
            row.QuerySelectorAll("button[name='rowAction']").Select(b => b.GetAttribute("value")!.Split(':')[0]));
        Assert.All(row.QuerySelectorAll("button[name='rowAction']"), b => Assert.EndsWith(":" + reply, b.GetAttribute("value"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_StatusTab_ListsOnlyThatStatus_AndTabsCountEachStatus()
    {
        var marker = AdminData.Marker();
        var ids = new Dictionary<CommentStatus, int>();
        foreach (var status in Enum.GetValues<CommentStatus>())
        {
            ids[status] = await AdminData.AddCommentAsync(factory, status, $"{status} comment {marker}");
        }

        await AdminData.AddCommentAsync(factory, CommentStatus.Hidden, $"Second hidden {marker}");
        var client = await ModeratorAsync();

        var page = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?status=hidden&q={marker}"));

        Assert.Equal(2, page.QuerySelectorAll("tr.mod-row").Length);
        Assert.NotNull(page.QuerySelector($"tr#comment-{ids[CommentStatus.Hidden]}"));
        var counts = page.QuerySelectorAll(".status-tabs__tab").ToDictionary(
            t => t.TextContent.Trim().Split(' ', 2)[0], t => t.QuerySelector(".status-tabs__count")!.TextContent.Trim());
        Assert.Equal(new Dictionary<string, string> { ["Pending"] = "1", ["Published"] = "1", ["Hidden"] = "2", ["Spam"] = "1", ["Deleted"] = "1" }, counts);
        Assert.StartsWith("Hidden", page.QuerySelector(".status-tabs a[aria-current='page']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["restore", "spam", "delete"], AdminData.Row(page, ids[CommentStatus.Hidden])
            .QuerySelectorAll("button[name='rowAction']").Select(b => b.GetAttribute("value")!.Split(':')[0]));

        var deleted = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?status=deleted&q={marker}"));
        Assert.Equal(["restore"], AdminData.Row(deleted, ids[CommentStatus.Deleted])
            .QuerySelectorAll("button[name='rowAction']").Select(b => b.GetAttribute("value")!.Split(':')[0]));
    }

    [Fact]
    public async Task Queue_Filters_NarrowByArticleTextNameAndHeldReason()
    {
        var marker = AdminData.Marker();
        var links = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Spammy {marker}", "Lin Links", heldReason: "More than 2 links");
        var blocked = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Rude {marker}", "Bo Blocked", heldReason: "Contains a blocked word");
        var other = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Elsewhere {marker}", "Oli Other", slug: Fixtures.ShortSlug);
        var client = await ModeratorAsync();

        async Task<List<string>> ListedAsync(string query)
        {
            var page = await BlogFactory.ParseAsync(await client.GetAsync("/admin/comments?" + query));
            return page.QuerySelectorAll("tr.mod-row").Select(r => r.Id!).ToList();
        }

        // "One word" is the short fixture's title, fixture-short its slug; the other two are on the Go article.
        Assert.Equal([$"comment-{other}"], await ListedAsync($"q={marker}&article=one+wor"));
        Assert.Equal([$"comment-{other}"], await ListedAsync($"q={marker}&article=FIXTURE-SH"));
        Assert.Equal([$"comment-{blocked}", $"comment-{links}"], await ListedAsync($"q={marker}&article=stack+trace+panicking"));
        Assert.Equal([$"comment-{blocked}", $"comment-{links}"], await ListedAsync($"q={marker}&article=/reading-go"));
        Assert.Empty(await ListedAsync($"q={marker}&article=no+such+title+anywhere"));
        Assert.Empty(await ListedAsync($"q={marker}&article=" + Uri.EscapeDataString("\" OR 1=1 --")));
        Assert.Equal([$"comment-{links}"], await ListedAsync($"q={marker}&held=LINKS"));
        Assert.Equal([$"comment-{blocked}"], await ListedAsync($"q=bo+blocked&held=blocked"));
        Assert.Equal([$"comment-{other}", $"comment-{blocked}", $"comment-{links}"], await ListedAsync($"q={marker.ToUpperInvariant()}"));

        var filtered = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?q={marker}&article=one+word"));
        Assert.Equal("one word", filtered.QuerySelector("#filter-article")!.GetAttribute("value"));
        Assert.Equal("search", filtered.QuerySelector("#filter-article")!.GetAttribute("type"));
        Assert.Contains("article=one%20word", filtered.QuerySelector("a.status-tabs__tab")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_OverTheCountBound_TabSaysThousandPlus_AndPagesStopThere()
    {
        var marker = AdminData.Marker();
        var start = DateTime.UtcNow.AddDays(-3);
        await factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == Fixtures.ShortSlug).Select(a => a.Id).SingleAsync();
            db.Comments.AddRange(Enumerable.Range(0, ModerationQueries.MaxCounted + 1).Select(i => new Comment
            {
                ArticleId = articleId,
                AuthorName = "Many",
                Body = $"Spam number {i} {marker}",
                Status = CommentStatus.Spam,
                CreatedAt = start.AddSeconds(i),
                PosterHash = "test",
            }));
            return await db.SaveChangesAsync();
        });
        await AdminData.AddCommentAsync(factory, CommentStatus.Spam, $"Exactly at the bound minus {marker}", slug: AdminData.ArticleSlug);
        var client = await ModeratorAsync();

        var page = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?status=spam&q={marker}"));
        var counts = page.QuerySelectorAll(".status-tabs__tab").ToDictionary(
            t => t.TextContent.Trim().Split(' ', 2)[0], t => t.QuerySelector(".status-tabs__count")!.TextContent.Trim());
        Assert.Equal("1,000+", counts["Spam"]);
        Assert.Equal("0", counts["Pending"]);

        // Exact under the bound: only the one on the Go article.
        var onGo = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?status=spam&q={marker}&article=reading-go"));
        Assert.Equal("1", onGo.QuerySelector(".status-tabs__tab[aria-current] .status-tabs__count")!.TextContent.Trim());

        // The deepest page is the bound's; past it the queue shows that last page.
        var lastPage = ModerationQueries.MaxCounted / ModerationQueries.PageSize;
        var deep = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?status=spam&q={marker}&pageNumber={lastPage + 5}"));
        Assert.Contains($"page {lastPage} of {lastPage}", deep.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ModerationQueries.PageSize, deep.QuerySelectorAll("tr.mod-row").Length);
    }

    [Fact]
    public async Task Queue_MoreThanAPage_IsPaginatedByPageNumber()
    {
        var marker = AdminData.Marker();
        var start = DateTime.UtcNow.AddDays(-1);
        for (var i = 0; i < 27; i++)
        {
            await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Number {i} {marker}", createdAt: start.AddMinutes(i));
        }

        var client = await ModeratorAsync();

        var first = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?q={marker}"));
        Assert.Equal(25, first.QuerySelectorAll("tr.mod-row").Length);
        var older = first.QuerySelector("a.pager__older")!.GetAttribute("href")!;
        Assert.Contains("pageNumber=2", older, StringComparison.Ordinal);
        Assert.Contains("q=" + marker, older, StringComparison.Ordinal);

        var second = await BlogFactory.ParseAsync(await client.GetAsync(older));
        var bodies = second.QuerySelectorAll(".mod-row__body").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal([$"Number 1 {marker}", $"Number 0 {marker}"], bodies);
    }

    [Fact]
    public async Task RowApprove_PendingComment_PublishesClearsHeldReasonAndWritesOneEvent()
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Held {marker}", heldReason: "More than 2 links");
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Moderator);
        var form = await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}");

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string>
        {
            ["rowAction"] = $"approve:{id}",
            ["note"] = "Links are fine here",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/comments?q={marker}", response.Headers.Location!.OriginalString);
        var comment = await factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CommentStatus.Published, comment.Status);
        Assert.Null(comment.HeldReason);
        var e = Assert.Single(await AdminData.EventsOfAsync(factory, id));
        Assert.Equal(ModerationAction.Approve, e.Action);
        Assert.Equal((CommentStatus.Pending, CommentStatus.Published), (e.FromStatus, e.ToStatus));
        Assert.Equal(name, e.ActorName);
        var actorId = await factory.WithDbAsync(db => db.Users.Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync());
        Assert.Equal(actorId, e.ActorId);
        Assert.Equal("Links are fine here", e.Note);
        Assert.InRange(e.At, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(DateTimeKind.Utc, e.At.Kind);

        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal("1 comment approved.", after.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Null(after.QuerySelector($"tr#comment-{id}"));
    }

    [Theory]
    [InlineData("approve", CommentStatus.Pending, CommentStatus.Published, ModerationAction.Approve, "approved")]
    [InlineData("hide", CommentStatus.Pending, CommentStatus.Hidden, ModerationAction.Hide, "hidden")]
    [InlineData("spam", CommentStatus.Published, CommentStatus.Spam, ModerationAction.MarkSpam, "marked as spam")]
    [InlineData("delete", CommentStatus.Published, CommentStatus.Deleted, ModerationAction.Delete, "deleted")]
    [InlineData("restore", CommentStatus.Hidden, CommentStatus.Published, ModerationAction.Restore, "restored")]
    [InlineData("restore", CommentStatus.Spam, CommentStatus.Published, ModerationAction.Restore, "restored")]
    [InlineData("restore", CommentStatus.Deleted, CommentStatus.Published, ModerationAction.Restore, "restored")]
    public async Task BulkAction_OnSelectedComments_ChangesEachAndWritesOneEventEach(
        string key, CommentStatus from, CommentStatus to, ModerationAction action, string pastTense)
    {
        var marker = AdminData.Marker();
        var first = await AdminData.AddCommentAsync(factory, from, $"First {marker}");
        var second = await AdminData.AddCommentAsync(factory, from, $"Second {marker}");
        var untouched = await AdminData.AddCommentAsync(factory, from, $"Not selected {marker}");
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Moderator);
        // Pending is the default tab, so its address has no status.
        var path = from == CommentStatus.Pending ? $"/admin/comments?q={marker}" : $"/admin/comments?status={from.ToString().ToLowerInvariant()}&q={marker}";
        var form = await AdminData.ModerationFormAsync(client, path, first, second);

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["bulkAction"] = key, ["note"] = "Bulk " + key });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, response.Headers.Location!.OriginalString);
        foreach (var id in new[] { first, second })
        {
            Assert.Equal(to, await AdminData.StatusOfAsync(factory, id));
            var e = Assert.Single(await AdminData.EventsOfAsync(factory, id));
            Assert.Equal((action, from, to, name, "Bulk " + key), (e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.Note));
        }

        Assert.Equal(from, await AdminData.StatusOfAsync(factory, untouched));
        Assert.Empty(await AdminData.EventsOfAsync(factory, untouched));
        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal($"2 comments {pastTense}.", after.QuerySelector(".notice")!.TextContent.Trim());
    }

    [Fact]
    public async Task BulkRestore_OnPendingAndHidden_ChangesOnlyTheHiddenOne()
    {
        var marker = AdminData.Marker();
        var pending = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Pending {marker}");
        var hidden = await AdminData.AddCommentAsync(factory, CommentStatus.Hidden, $"Hidden {marker}");
        var client = await ModeratorAsync();
        var form = await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}", pending);
        // The two live under different tabs; a crafted post can still name both.
        var response = await client.PostAsync(form.Action, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", ((IHtmlInputElement)form.QuerySelector("input[name='__RequestVerificationToken']")!).Value),
            new("ids", pending.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", hidden.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", "999999"),
            new("bulkAction", "restore"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, pending));
        Assert.Equal(CommentStatus.Published, await AdminData.StatusOfAsync(factory, hidden));
        Assert.Empty(await AdminData.EventsOfAsync(factory, pending));
        Assert.Single(await AdminData.EventsOfAsync(factory, hidden));
        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal("1 comment restored; 2 left unchanged.", after.QuerySelector(".notice")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, "No token " + AdminData.Marker());
        var client = await ModeratorAsync();
        await client.GetAsync("/admin/comments");

        var response = await client.PostAsync("/admin/comments", new FormUrlEncodedContent(
            [new("rowAction", $"approve:{id}"), new("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("bulkAction", "approve")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, id));
        Assert.Empty(await AdminData.EventsOfAsync(factory, id));
    }

    [Theory]
    [InlineData("", "approve", "Select at least one comment")]
    [InlineData("ticked", "", "Choose an action")]
    [InlineData("ticked", "obliterate", "Choose an action")]
    public async Task BulkAction_WithoutIdsOrKnownAction_Returns422WithMessage(string ids, string action, string message)
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Invalid {marker}");
        var client = await ModeratorAsync();
        var form = ids.Length > 0
            ? await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}", id)
            : await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}");

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["bulkAction"] = action });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"tr#comment-{id}"));
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, id));
    }

    [Fact]
    public async Task RowAction_WithNoteOver500Characters_Returns422AndChangesNothing()
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Long note {marker}");
        var client = await ModeratorAsync();
        var form = await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}", id);

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string>
        {
            ["rowAction"] = $"hide:{id}",
            ["note"] = new string('n', 501),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("at most 500 characters", page.QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.True(((IHtmlInputElement)page.QuerySelector($"input[name='ids'][value='{id}']")!).IsChecked);
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, id));
        Assert.Empty(await AdminData.EventsOfAsync(factory, id));
    }

    [Fact]
    public async Task RowAction_OnUnknownComment_IsIgnored()
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Bystander {marker}");
        var client = await ModeratorAsync();
        var form = await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}");

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["rowAction"] = "delete:987654" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.StartsWith("No comments changed", after.QuerySelector(".notice")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, id));
    }
}
