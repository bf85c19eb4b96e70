using System.Net;
using BlogSite.Domain;
using BlogSite.IntegrationTests.Email;
using Microsoft.EntityFrameworkCore;
using static BlogSite.IntegrationTests.Subscriptions.ReaderMail;

namespace BlogSite.IntegrationTests.Subscriptions;

/// <summary>Leaving in one click: the header's RFC 8058 POST, the link's page, and the address going with its last subscription.</summary>
public sealed class UnsubscribeTests
{
    private static string HeaderLink(TestSmtpServer.ReceivedMessage message) => message.Header("List-Unsubscribe")!.Trim('<', '>');

    private static Task<HttpResponseMessage> OneClickAsync(EmailSite site, string link) =>
        site.CreateClient().PostAsync(new Uri(link).PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

    [Fact]
    public async Task Announcement_OneClickFromTheHeader_StopsNewArticles_AndForgetsTheAddress()
    {
        using var site = await SiteAsync();
        await SubscribeConfirmedAsync(site, "leaving@blogsite.test");
        var author = await AuthorAsync(site);
        await PublishAsync(author, "The last one they get");
        await SettleAsync(site);
        var announcement = To(site.Smtp, "leaving@blogsite.test")[^1];
        Assert.Equal("List-Unsubscribe=One-Click", announcement.Header("List-Unsubscribe-Post"));

        // A scanner following the link changes nothing; the provider's one-click POST does it.
        var asked = await site.CreateClient().GetAsync(new Uri(HeaderLink(announcement)).PathAndQuery);
        Assert.Contains("Stop e-mails about new articles?", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.ArticleSubscriptions.AnyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(site, HeaderLink(announcement))).StatusCode);

        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync()));
        await PublishAsync(author, "Not sent to them");
        await SettleAsync(site);
        Assert.Equal(2, To(site.Smtp, "leaving@blogsite.test").Count);
        var again = await BlogFactory.ParseAsync(await OneClickAsync(site, HeaderLink(announcement)));
        Assert.Contains("nothing left to unsubscribe from", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyMail_LinkForThisComment_StopsItsThreadOnly_AndTheFooterLinkStopsEveryThread()
    {
        using var site = await SiteAsync();
        var ada = await ReaderAsync(site, peer: "192.0.2.10");
        var first = await CommentAsync(site, ada, "Ada", "First question.", "ada@blogsite.test", notify: true);
        var second = await CommentAsync(site, ada, "Ada", "Second question.", "ada@blogsite.test", notify: true);
        await SubscribeAsync(ada, "ada@blogsite.test", ArticleFrequency.Weekly);
        await ConfirmAsync(ada, ConfirmLink(await site.Smtp.SingleForAsync("ada@blogsite.test")));
        var bob = await ReaderAsync(site, peer: "192.0.2.20");
        await CommentAsync(site, bob, "Bob", "An answer to the first.", replyTo: first);
        await SettleAsync(site);
        var reply = To(site.Smtp, "ada@blogsite.test")[^1];

        var stopThis = Assert.Single(reply.Links, l => l.Contains("/email/unsubscribe", StringComparison.Ordinal) && l != HeaderLink(reply));
        var page = await BlogFactory.ParseAsync(await ada.GetAsync(new Uri(stopThis).PathAndQuery));
        Assert.Contains("Stop e-mails about replies to this comment?", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var done = await Forms.PostAsync(ada, (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!, new Dictionary<string, string>(),
            path: new Uri(stopThis).PathAndQuery);
        Assert.Contains("You're unsubscribed", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await CommentAsync(site, bob, "Bob", "More on the first.", replyTo: first);
        await CommentAsync(site, bob, "Bob", "An answer to the second.", replyTo: second);
        await SettleAsync(site);
        var subjects = To(site.Smtp, "ada@blogsite.test").Select(m => m.Message.Subject).ToList();
        Assert.Equal(3, subjects.Count);

        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(site, HeaderLink(To(site.Smtp, "ada@blogsite.test")[^1]))).StatusCode);
        Assert.False(await site.WithDbAsync(db => db.ReplySubscriptions.AnyAsync()));
        // The weekly digest is another subscription: the address stays for it.
        Assert.True(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync(a => a.Email == "ada@blogsite.test")));
    }

    [Fact]
    public async Task Confirmation_ForgetLink_RemovesTheAddressAndWhatWasAskedForIt()
    {
        using var site = await SiteAsync();
        await SubscribeAsync(await ReaderAsync(site), "not-me@blogsite.test");
        var confirmation = await site.Smtp.SingleForAsync("not-me@blogsite.test");

        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(site, HeaderLink(confirmation))).StatusCode);

        Assert.False(await site.WithDbAsync(db => db.ReaderAddresses.AnyAsync()));
        Assert.False(await site.WithDbAsync(db => db.ArticleSubscriptions.AnyAsync()));
        var gone = await site.CreateReaderClient().GetAsync(new Uri(ConfirmLink(confirmation)).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("This link doesn't work", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
