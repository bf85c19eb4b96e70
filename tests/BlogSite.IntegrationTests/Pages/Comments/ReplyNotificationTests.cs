using System.Net;
using BlogSite.Domain;
using BlogSite.IntegrationTests.Areas.Admin;
using BlogSite.IntegrationTests.Email;
using Microsoft.EntityFrameworkCore;
using static BlogSite.IntegrationTests.Subscriptions.ReaderMail;

namespace BlogSite.IntegrationTests.Pages.Comments;

/// <summary>"E-mail me when someone replies" on the comment form, and the message a published reply sends.</summary>
public sealed class ReplyNotificationTests
{
    private const string Ada = "ada@blogsite.test";
    private const string On = "replied on “Call ToListAsync() once: keeping EF Core query counts honest”";

    /// <summary>Ada comments with the box ticked and confirms her address; returns her comment's id.</summary>
    private static async Task<int> AdaSubscribedAsync(EmailSite site)
    {
        var ada = await ReaderAsync(site, peer: "192.0.2.10");
        var id = await CommentAsync(site, ada, "Ada", "Does this work with split queries?", Ada, notify: true);
        var confirmation = await site.Smtp.SingleForAsync(Ada);
        Assert.Contains("replies to your comment on “", confirmation.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(ada, ConfirmLink(confirmation))).StatusCode);
        return id;
    }

    [Fact]
    public async Task Reply_Published_MailsTheSubscriberOnce_WithTheRenderedText_AndALinkThatLeadsToIt()
    {
        using var site = await SiteAsync();
        var parent = await AdaSubscribedAsync(site);
        var bob = await ReaderAsync(site, peer: "192.0.2.20");

        var reply = await CommentAsync(site, bob, "Bob", "Yes: **call** `AsSplitQuery()` first.\n\n<script>alert(1)</script> [docs](https://learn.microsoft.com/ef)",
            "bob@blogsite.test", replyTo: parent);
        await SettleAsync(site);
        await SettleAsync(site);

        var messages = To(site.Smtp, Ada);
        Assert.Equal(2, messages.Count);
        var mail = messages[1];
        Assert.Equal("Bob " + On, mail.Message.Subject);
        Assert.Contains("<strong>call</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<code>AsSplitQuery()</code>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow ugc noopener\"", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("> Yes: **call** `AsSplitQuery()` first.", mail.Text, StringComparison.Ordinal);
        Assert.NotNull(mail.Header("List-Unsubscribe"));

        var link = Assert.Single(mail.Links, l => l.Contains("?comment=", StringComparison.Ordinal));
        Assert.Equal($"http://localhost/articles/{ArticleSlug}?comment={reply}", link);
        var redirect = await site.CreateReaderClient().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith($"#comment-{reply}", redirect.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var shown = await BlogFactory.ParseAsync(await site.CreateReaderClient().GetAsync(redirect.Headers.Location!.PathAndQuery()));
        Assert.NotNull(shown.QuerySelector($"#comment-{reply}"));
        Assert.Empty(To(site.Smtp, "bob@blogsite.test"));
    }

    [Fact]
    public async Task HeldReply_IsNotMailed_UntilAModeratorApprovesIt_AndThenOnceOnly()
    {
        using var site = await SiteAsync();
        var parent = await AdaSubscribedAsync(site);
        var bob = await ReaderAsync(site, peer: "192.0.2.20");

        // Three links are more than the default two: the reply waits for a moderator.
        var reply = await CommentAsync(site, bob, "Bob", "See [a](https://a.example), [b](https://b.example) and [c](https://c.example).", replyTo: parent);
        await SettleAsync(site);
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(site, reply));
        Assert.Single(To(site.Smtp, Ada));

        var (moderator, _) = await AdminData.SignInAsync(site, Roles.Moderator);
        await ModerateAsync(moderator, "pending", "approve", reply);
        await SettleAsync(site);
        var messages = To(site.Smtp, Ada);
        Assert.Equal(2, messages.Count);
        Assert.Equal("Bob " + On, messages[1].Message.Subject);

        await ModerateAsync(moderator, "published", "hide", reply);
        await ModerateAsync(moderator, "hidden", "restore", reply);
        await SettleAsync(site);
        Assert.Equal(2, To(site.Smtp, Ada).Count);
    }

    [Fact]
    public async Task Reply_ToYourOwnComment_IsNotMailedToYou_ButAReplyByAnotherReaderAfterItIs()
    {
        using var site = await SiteAsync();
        var parent = await AdaSubscribedAsync(site);
        var adaElsewhere = await ReaderAsync(site, peer: "192.0.2.11");

        await CommentAsync(site, adaElsewhere, "Ada", "Answering myself: it does.", "ADA@blogsite.test", replyTo: parent);
        await SettleAsync(site);
        Assert.Single(To(site.Smtp, Ada));

        await CommentAsync(site, await ReaderAsync(site, peer: "192.0.2.30"), "Cy", "Thanks, both of you.", replyTo: parent);
        await SettleAsync(site);
        Assert.Equal("Cy " + On, To(site.Smtp, Ada)[^1].Message.Subject);
        Assert.Equal(2, To(site.Smtp, Ada).Count);
    }

    [Fact]
    public async Task Reply_BeforeTheSubscriberConfirmed_IsNotMailed()
    {
        using var site = await SiteAsync();
        var ada = await ReaderAsync(site, peer: "192.0.2.10");
        var parent = await CommentAsync(site, ada, "Ada", "Not confirmed yet.", Ada, notify: true);

        await CommentAsync(site, await ReaderAsync(site, peer: "192.0.2.20"), "Bob", "A reply.", replyTo: parent);
        await SettleAsync(site);

        var only = Assert.Single(To(site.Smtp, Ada));
        Assert.Equal("Please confirm your e-mail address", only.Message.Subject);
    }

    [Fact]
    public async Task ReplyInTheThread_ReachesAReplierWhoAskedToo()
    {
        using var site = await SiteAsync();
        var parent = await AdaSubscribedAsync(site);
        var bob = await ReaderAsync(site, peer: "192.0.2.20");
        await CommentAsync(site, bob, "Bob", "Following this thread.", "bob@blogsite.test", notify: true, replyTo: parent);
        await ConfirmAsync(bob, ConfirmLink(await site.Smtp.SingleForAsync("bob@blogsite.test")));
        await SettleAsync(site);

        await CommentAsync(site, await ReaderAsync(site, peer: "192.0.2.30"), "Cy", "Me too.", replyTo: parent);
        await SettleAsync(site);

        Assert.Equal(["Please confirm your e-mail address", "Bob " + On, "Cy " + On],
            To(site.Smtp, Ada).Select(m => m.Message.Subject));
        Assert.Equal(["Please confirm your e-mail address", "Cy " + On],
            To(site.Smtp, "bob@blogsite.test").Select(m => m.Message.Subject));
    }

    [Fact]
    public async Task BoxTicked_WithoutAnAddress_Is422OnTheEmailField_AndNothingStored()
    {
        using var site = await SiteAsync();
        var reader = await ReaderAsync(site);

        var response = await PostCommentAsync(reader, "Dee", "I want replies.", email: null, notify: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("Give your e-mail address to hear of replies", Forms.DescriptionOfInvalid(page, "Input.Email"), StringComparison.Ordinal);
        Assert.True(page.QuerySelector("#comment-notify")!.HasAttribute("checked"));
        Assert.Equal("I want replies.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.False(await site.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorName == "Dee")));
    }

    [Fact]
    public async Task NetworkPastItsShareOfConfirmations_IsRefused429_WithTheComment_AndNothingStored()
    {
        using var site = await SiteAsync(settings: ("Email:Readers:ConfirmationsPerRequester", "1"));
        var reader = await ReaderAsync(site, peer: "203.0.113.7");
        await SubscribeAsync(reader, "first@blogsite.test");

        var response = await PostCommentAsync(reader, "Eve", "Tell this other address.", "second@blogsite.test", notify: true);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("Untick “E-mail me when someone replies” to post now", page.QuerySelector(".comment-form .form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Tell this other address.", page.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        Assert.False(await site.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorName == "Eve")));
        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync(a => a.Email == "second@blogsite.test")));

        var unticked = await PostCommentAsync(reader, "Eve", "Tell this other address.", "second@blogsite.test");
        Assert.Equal(HttpStatusCode.Redirect, unticked.StatusCode);
    }

    private static async Task ModerateAsync(HttpClient moderator, string status, string action, int id)
    {
        var form = await AdminData.ModerationFormAsync(moderator, $"/admin/comments?status={status}");
        var response = await Forms.PostAsync(moderator, form, new Dictionary<string, string>(), submitName: $"rowAction={action}:{id}", path: "/admin/comments");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
