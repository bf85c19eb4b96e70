using System.Net;
using BlogSite.Domain;
using BlogSite.Pages.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Email;

public sealed class StaffNotificationTests
{
    [Fact]
    public async Task NewComment_MailsTheArticlesAuthorWhoChoseIt_WithOneClickUnsubscribe()
    {
        using var site = await EmailSite.StartAsync();
        var (authorId, authorEmail) = await site.AddStaffAsync(Roles.Author, EmailSite.ArticleAuthor);
        var author = await Accounts.StaffSessions.SignInAsync(site, authorEmail);
        var settings = await Forms.SubmitAsync(author, "/account/notifications", "main form", new Dictionary<string, string> { ["Comments"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        var settingsPage = await BlogFactory.ParseAsync(await author.GetAsync("/account/notifications"));
        Assert.Null(settingsPage.QuerySelector("input[name='Moderation']"));

        var id = await site.PostCommentAsync("Lovely **post**, thanks");

        var mail = await site.Smtp.SingleForAsync(authorEmail);
        Assert.Equal($"New comment on “{EmailSite.ArticleTitle}”", mail.Message.Subject);
        Assert.Contains("Grace commented on your article", mail.Text, StringComparison.Ordinal);
        Assert.Contains("> Lovely **post**, thanks", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<strong>post</strong>", mail.Html, StringComparison.Ordinal);
        var commentUrl = $"http://localhost/articles/{EmailSite.ArticleSlug}?comment={id}#comment-{id}";
        Assert.Contains(commentUrl, mail.Links);
        Assert.Contains(commentUrl, mail.Text, StringComparison.Ordinal);
        var unsubscribe = mail.Header("List-Unsubscribe")!.Trim('<', '>');
        Assert.StartsWith("http://localhost/email/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
        Assert.Contains(unsubscribe, mail.Links);

        // A scanner that follows the link changes nothing; the provider's one-click POST (no cookie, no form token) does.
        var scanner = site.CreateReaderClient();
        var asked = await scanner.GetAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("new comments on your articles", (await BlogFactory.ParseAsync(asked)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.Users.Where(u => u.Id == authorId).Select(u => u.NotifyOfComments).SingleAsync()));

        var oneClick = await site.CreateClient().PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.Users.Where(u => u.Id == authorId).Select(u => u.NotifyOfComments).SingleAsync()));
        await site.PostCommentAsync("A second thought", peer: "192.0.2.2");
        Assert.Equal(1, await site.SettledCountAsync());
    }

    [Fact]
    public async Task HeldComment_MailsEachModeratorWhoChoseIt_AndItsLinkAsksBeforeActing_ThenWorksOnce()
    {
        using var site = await EmailSite.StartAsync();
        site.Settings["Comments:Blocklist:0"] = "casino";
        var (moderatorId, moderatorEmail) = await site.AddStaffAsync(Roles.Moderator, "Mo Derator", moderation: true);
        var (_, adminEmail) = await site.AddStaffAsync(Roles.Admin, moderation: true);
        await site.AddStaffAsync(Roles.Moderator);
        // Stored on, but an author is no moderator: not told.
        await site.AddStaffAsync(Roles.Author, moderation: true);

        var id = await site.PostCommentAsync("Visit my casino today");

        var mail = await site.Smtp.SingleForAsync(moderatorEmail);
        await site.Smtp.SingleForAsync(adminEmail);
        Assert.Equal(2, await site.SettledCountAsync());
        Assert.Equal($"A comment waits for moderation on “{EmailSite.ArticleTitle}”", mail.Message.Subject);
        Assert.Contains("Contains the blocked word \"casino\"", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/admin/comments/{id}", mail.Links);
        var actions = mail.Links.Where(l => l.StartsWith("http://localhost/email/moderate?token=", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, actions.Count);
        Assert.All(actions, a => Assert.Contains(a, mail.Text, StringComparison.Ordinal));
        Assert.NotNull(mail.Header("List-Unsubscribe"));
        var (approve, hide) = (actions[0], actions[1]);

        // A mail scanner following the link, twice: a page that asks, and no change.
        var scanner = site.CreateReaderClient();
        for (var i = 0; i < 2; i++)
        {
            var asked = await scanner.GetAsync(approve);
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Equal("Approve this comment?", (await BlogFactory.ParseAsync(asked)).QuerySelector("h1")!.TextContent.Trim());
        }

        Assert.Equal(CommentStatus.Pending, await StatusAsync(site, id));

        var browser = site.CreateReaderClient();
        var done = await Forms.SubmitAsync(browser, approve, "main form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("The comment was approved", (await BlogFactory.ParseAsync(done)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(CommentStatus.Published, await StatusAsync(site, id));
        var audit = await site.WithDbAsync(db => db.ModerationEvents.AsNoTracking().Where(e => e.CommentId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([ModerationAction.HeldAutomatically, ModerationAction.Approve], audit.Select(e => e.Action));
        Assert.Equal((moderatorId, "Mo Derator", EmailModeration.Note), (audit[1].ActorId, audit[1].ActorName, audit[1].Note));

        // The link, and its sibling from the same message, are spent.
        Assert.Equal(HttpStatusCode.Gone, (await browser.GetAsync(approve)).StatusCode);
        var sibling = await browser.GetAsync(hide);
        Assert.Equal(HttpStatusCode.Gone, sibling.StatusCode);
        Assert.Equal("This link has been used", (await BlogFactory.ParseAsync(sibling)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ModerationLink_Tampered_Expired_OrForAnAccountThatChanged_IsRefusedWithAPage()
    {
        using var site = await EmailSite.StartAsync();
        site.Settings["Comments:Blocklist:0"] = "casino";
        var (moderatorId, moderatorEmail) = await site.AddStaffAsync(Roles.Moderator, moderation: true);
        var id = await site.PostCommentAsync("Another casino");
        var mail = await site.Smtp.SingleForAsync(moderatorEmail);
        var hide = mail.Links.Where(l => l.Contains("/email/moderate?token=", StringComparison.Ordinal)).ElementAt(1);
        var client = site.CreateReaderClient();

        var token = hide[(hide.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var tampered = await client.GetAsync("/email/moderate?token=" + token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..]);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal("This link doesn't work", (await BlogFactory.ParseAsync(tampered)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/email/moderate?token=" + new string('x', 5_000))).StatusCode);

        // A sign-out everywhere (a new security stamp) ends the links already sent.
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<BlogSite.Data.BlogUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(moderatorId))!);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(hide)).StatusCode);

        var second = await site.PostCommentAsync("More casino talk", peer: "192.0.2.9");
        var fresh = (await site.Smtp.WaitForAsync(2))[1];
        var spam = fresh.Links.Where(l => l.Contains("/email/moderate?token=", StringComparison.Ordinal)).ElementAt(2);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(spam)).StatusCode);
        site.Clock.Advance(TimeSpan.FromHours(72));

        var expired = await client.GetAsync(spam);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("This link has expired", (await BlogFactory.ParseAsync(expired)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(CommentStatus.Pending, await StatusAsync(site, id));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(site, second));
    }

    [Fact]
    public async Task Reports_MailModeratorsOnceWhenReported_AndAgainWhenHeld()
    {
        using var site = await EmailSite.StartAsync();
        site.Settings["Comments:ReportsToHold"] = "2";
        var (_, moderatorEmail) = await site.AddStaffAsync(Roles.Moderator, moderation: true);
        var id = await site.PostCommentAsync("Something rude");

        await site.ReportAsync(id, "203.0.113.1");
        var reported = Assert.Single(await site.Smtp.WaitForAsync(1));
        Assert.Equal($"A comment was reported on “{EmailSite.ArticleTitle}”", reported.Message.Subject);
        // Published, so hide and spam are offered, not approve.
        Assert.Equal(2, reported.Links.Count(l => l.Contains("/email/moderate?token=", StringComparison.Ordinal)));
        Assert.Contains("\nHide:\n", reported.Text, StringComparison.Ordinal);

        await site.ReportAsync(id, "203.0.113.2");

        var all = await site.Smtp.WaitForAsync(2);
        Assert.Equal($"A comment waits for moderation on “{EmailSite.ArticleTitle}”", all[1].Message.Subject);
        Assert.Contains("Reported by 2 readers", all[1].Text, StringComparison.Ordinal);
        Assert.All(all, m => Assert.Equal([moderatorEmail], m.Recipients));
        Assert.Equal(2, await site.SettledCountAsync());
        Assert.Equal(2, await site.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    private static Task<CommentStatus> StatusAsync(BlogFactory site, int id) =>
        site.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
