using BlogSite.Data;
using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Email;

public sealed class OutboxTests
{
    [Fact]
    public async Task Enqueued_ArrivesWithTextAndHtml_AndIsMarkedSent()
    {
        using var site = await EmailSite.StartAsync();

        var key = await site.EnqueueAsync("tess@blogsite.test");

        var received = await site.Smtp.SingleForAsync("tess@blogsite.test");
        Assert.Equal("A test message", received.Message.Subject);
        Assert.Contains("It went through the test server", received.Text, StringComparison.Ordinal);
        Assert.Contains("It went through the test server", received.Html, StringComparison.Ordinal);
        Assert.StartsWith("BlogSite", received.Text, StringComparison.Ordinal);
        Assert.Equal("blog@blogsite.test", received.Sender);
        Assert.EndsWith("@blogsite.test", received.Message.MessageId, StringComparison.Ordinal);
        Assert.Equal("auto-generated", received.Header("Auto-Submitted"));
        Assert.Null(received.Header("List-Unsubscribe"));
        var row = await site.WaitForStatusAsync(key, OutboxStatus.Sent);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(site.Now, row.SentAt);
        Assert.Null(row.ClaimToken);
    }

    [Fact]
    public async Task SameKey_EnqueuedTwiceInOneContextAndAgainLater_IsOneMessage()
    {
        using var site = await EmailSite.StartAsync();
        var key = "test:" + Guid.NewGuid().ToString("N");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
            var message = composer.Compose(new BlogSite.Areas.Admin.Pages.Email.TestMessageEmail(), new("Tess", "here"), key, "twice@blogsite.test");
            Outbox.Enqueue(db, message);
            Outbox.Enqueue(db, message);
            await db.SaveChangesAsync();
        }

        await site.WaitForStatusAsync(key, OutboxStatus.Sent);
        await site.EnqueueAsync("twice@blogsite.test", key);

        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.IdempotencyKey == key)));
        await Task.Delay(1_500);
        Assert.Single(site.Smtp.Received);
    }

    [Fact]
    public async Task ServerRefusesForAWhile_RetriedAfterItsBackoff_ThenSent()
    {
        using var site = await EmailSite.StartAsync();
        site.Smtp.Refuse(2);

        var key = await site.EnqueueAsync("later@blogsite.test");

        var first = await site.WaitForStatusAsync(key, OutboxStatus.Queued, attempts: 1);
        Assert.Contains("451", first.LastError, StringComparison.Ordinal);
        Assert.Equal(site.Now.AddMinutes(1), first.NextAttemptAt);
        site.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(1_500);
        Assert.Equal(1, (await site.RowAsync(key)).Attempts);

        site.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await site.WaitForStatusAsync(key, OutboxStatus.Queued, attempts: 2);
        Assert.Equal(site.Now.AddMinutes(2), second.NextAttemptAt);

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        var sent = await site.WaitForStatusAsync(key, OutboxStatus.Sent);
        Assert.Equal(3, sent.Attempts);
        Assert.Single(site.Smtp.Received);
    }

    [Fact]
    public async Task ServerRefusesEveryTime_FailsAfterTheLastAttempt_WithTheReason()
    {
        using var site = await EmailSite.StartAsync();
        site.Settings["Email:MaxAttempts"] = "2";
        site.Smtp.Refuse(5);

        var key = await site.EnqueueAsync("never@blogsite.test");
        await site.WaitForStatusAsync(key, OutboxStatus.Queued, attempts: 1);
        site.Clock.Advance(TimeSpan.FromMinutes(1));

        var failed = await site.WaitForStatusAsync(key, OutboxStatus.Failed);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal(site.Now, failed.FailedAt);
        Assert.Contains("The server refused it (451)", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(site.Smtp.Received);
    }

    [Fact]
    public async Task PermanentRefusal_FailsAtOnce()
    {
        using var site = await EmailSite.StartAsync();
        site.Smtp.Refuse(1, SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable);

        var key = await site.EnqueueAsync("gone@blogsite.test");

        var failed = await site.WaitForStatusAsync(key, OutboxStatus.Failed);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("(550)", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerDown_MessageWaitsAndRetries_WithTheConnectionError()
    {
        var smtp = await TestSmtpServer.StartAsync();
        var port = smtp.Port;
        await smtp.DisposeAsync();
        using var site = new EmailSite(smtp, new FakeClock(DateTimeOffset.UtcNow), ownsSmtp: false);

        var key = await site.EnqueueAsync("down@blogsite.test");

        var row = await site.WaitForStatusAsync(key, OutboxStatus.Queued, attempts: 1);
        Assert.Contains($"Could not connect to 127.0.0.1:{port}", row.LastError, StringComparison.Ordinal);
        Assert.Equal(site.Now.AddMinutes(1), row.NextAttemptAt);
    }
}
