using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Comments;

public sealed class DetailsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Details_OfAReply_ShowsContextReportsAndHistory()
    {
        var marker = AdminData.Marker();
        var parent = await AdminData.AddCommentAsync(factory, CommentStatus.Published, $"What does the +0x1d mean? {marker}", "Pat Parent");
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"It is the _offset_ {marker}", "Rita Reply",
            heldReason: "Reported by 3 readers", reports: 1, parentId: parent);
        await AdminData.AddCommentAsync(factory, CommentStatus.Published, $"Reply to the reply {marker}", parentId: id);
        await factory.WithDbAsync(db =>
        {
            db.CommentReports.Add(new CommentReport { CommentId = id, ReaderKey = "reader-1", AddressHash = "address-1", Reason = "Off topic", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Moderator);
        await Forms.PostAsync(client, await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}&status=published", parent),
            new Dictionary<string, string> { ["bulkAction"] = "hide", ["note"] = "Checking context" });

        var response = await client.GetAsync($"/admin/comments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal("Comment by Rita Reply", page.QuerySelector("h1")!.TextContent.Trim());
        var facts = page.QuerySelector(".mod-facts")!.TextContent;
        Assert.Contains("Pending", facts, StringComparison.Ordinal);
        Assert.Contains("Pat Parent", facts, StringComparison.Ordinal);
        Assert.Contains("Reported by 3 readers", facts, StringComparison.Ordinal);
        Assert.Contains("1 report", facts, StringComparison.Ordinal);
        Assert.Equal($"/admin/comments/{parent}", page.QuerySelector(".mod-facts a[href^='/admin/comments/']")!.GetAttribute("href"));
        Assert.Equal($"/articles/{AdminData.ArticleSlug}?comment={id}", page.QuerySelector(".mod-facts a[href^='/articles/']")!.GetAttribute("href"));
        Assert.Equal("offset", page.QuerySelector(".mod-card__body em")!.TextContent);
        Assert.Contains("Off topic", page.QuerySelector(".report-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No moderator has acted", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["approve", "hide", "spam", "delete"],
            page.QuerySelectorAll("button[name='rowAction']").Select(b => b.GetAttribute("value")!.Split(':')[0]));

        var parentPage = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments/{parent}"));
        Assert.Contains("1", parentPage.QuerySelectorAll(".mod-facts div").Single(d => d.QuerySelector("dt")!.TextContent == "Replies").TextContent, StringComparison.Ordinal);
        var history = parentPage.QuerySelector(".event-list")!.TextContent;
        Assert.Contains("Hidden by " + name, history, StringComparison.Ordinal);
        Assert.Contains("Published → Hidden", history, StringComparison.Ordinal);
        Assert.Contains("Checking context", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_RowAction_ChangesStatus_AndRedirectsBackWithMessage()
    {
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Published, "Buy cheap watches " + AdminData.Marker());
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Admin);
        var page = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments/{id}"));
        var form = (IHtmlFormElement)page.QuerySelector("form.mod-card__form")!;

        var response = await Forms.PostAsync(client, form, new Dictionary<string, string> { ["rowAction"] = $"spam:{id}", ["note"] = "Watches again" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/comments/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(CommentStatus.Spam, await AdminData.StatusOfAsync(factory, id));
        var e = Assert.Single(await AdminData.EventsOfAsync(factory, id));
        Assert.Equal((ModerationAction.MarkSpam, name, "Watches again"), (e.Action, e.ActorName, e.Note));
        var after = await BlogFactory.ParseAsync(await client.GetAsync(response.Headers.Location));
        Assert.Equal("1 comment marked as spam.", after.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Equal(["restore", "delete"], after.QuerySelectorAll("button[name='rowAction']").Select(b => b.GetAttribute("value")!.Split(':')[0]));
    }

    [Fact]
    public async Task Details_RowActionForAnotherComment_Returns422AndChangesNothing()
    {
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, "This one " + AdminData.Marker());
        var other = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, "That one " + AdminData.Marker());
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Moderator);
        var page = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments/{id}"));

        var response = await Forms.PostAsync(client, (IHtmlFormElement)page.QuerySelector("form.mod-card__form")!,
            new Dictionary<string, string> { ["rowAction"] = $"delete:{other}" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await BlogFactory.ParseAsync(response)).QuerySelector(".form__errors"));
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, other));
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, id));
    }

    [Fact]
    public async Task Details_UnknownComment_Returns404()
    {
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Moderator);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/comments/987654")).StatusCode);
    }
}
