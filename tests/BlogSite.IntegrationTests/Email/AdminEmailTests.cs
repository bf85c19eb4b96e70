using System.Net;
using BlogSite.Domain;
using BlogSite.Email;

namespace BlogSite.IntegrationTests.Email;

public sealed class AdminEmailTests
{
    [Fact]
    public async Task AdminEmail_ShowsCountsAndTheFailureReason_AndRetryQueuesItAgain_ThenItIsSent()
    {
        using var site = await EmailSite.StartAsync();
        site.Smtp.Refuse(1, SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable);
        var key = await site.EnqueueAsync("bounced@blogsite.test");
        var failed = await site.WaitForStatusAsync(key, OutboxStatus.Failed);
        var (_, email) = await site.AddStaffAsync(Roles.Admin);
        var admin = await Accounts.StaffSessions.SignInAsync(site, email);

        var home = await BlogFactory.ParseAsync(await admin.GetAsync("/admin"));
        Assert.NotNull(home.QuerySelector("a[href='/admin/email']"));
        var page = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/email?status=failed"));
        Assert.Contains("Failed (1)", page.QuerySelector(".admin__subnav")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector($"#message-{failed.Id}")!;
        Assert.Contains("bounced@blogsite.test", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("The server refused it (550)", row.QuerySelector(".outbox-table__error")!.TextContent, StringComparison.Ordinal);

        var retried = await Forms.PostAsync(admin, (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var sent = await site.WaitForStatusAsync(key, OutboxStatus.Sent);
        Assert.Equal(1, sent.Attempts);
        await site.Smtp.SingleForAsync("bounced@blogsite.test");
        var after = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/email"));
        Assert.Equal($"Message {failed.Id} is queued again.", after.QuerySelector(".notice")!.TextContent.Trim());
        Assert.Contains("Sent (1)", after.QuerySelector(".admin__subnav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendATestMessageToMe_ArrivesAtTheAdminsAddress()
    {
        using var site = await EmailSite.StartAsync();
        var (_, email) = await site.AddStaffAsync(Roles.Admin, "Ada Admin");
        var admin = await Accounts.StaffSessions.SignInAsync(site, email);

        var pressed = await Forms.SubmitAsync(admin, "/admin/email", "form[action*='handler=Test']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var mail = await site.Smtp.SingleForAsync(email);
        Assert.Equal("A test message", mail.Message.Subject);
        Assert.Contains("Hello Ada Admin,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hello Ada Admin,", mail.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Author)]
    public async Task AdminEmail_IsForAdminsOnly(string role)
    {
        using var site = await EmailSite.StartAsync();
        var (_, email) = await site.AddStaffAsync(role);
        var client = await Accounts.StaffSessions.SignInAsync(site, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/email")).StatusCode);
        Assert.Null((await BlogFactory.ParseAsync(await client.GetAsync("/admin"))).QuerySelector("a[href='/admin/email']"));
    }
}
