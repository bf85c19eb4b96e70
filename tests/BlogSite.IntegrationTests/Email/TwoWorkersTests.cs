using BlogSite.Data;
using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Email;

/// <summary>Two instances' workers on one PostgreSQL database, claiming from one outbox at once.</summary>
[Trait(TestStore.Trait, TestStore.NeedsPostgres)]
public sealed class TwoWorkersTests
{
    [Fact]
    public async Task TwoWorkers_OnOneStore_SendEachMessageOnce()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-workers-").FullName;
        TestStore.DatabaseFor(root);
        await using var smtp = await TestSmtpServer.StartAsync();
        // Each message takes the server a moment, so both workers are sending while the other claims.
        smtp.Delay = TimeSpan.FromMilliseconds(40);
        var clock = EmailSite.NewClock();
        using var a = new EmailSite(smtp, clock, root);
        using var b = new EmailSite(smtp, clock, root);
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        // Stored due a minute from now, then the clock moves: both workers find them on their next poll.
        var keys = Enumerable.Range(0, 60).Select(i => $"test:pair:{i}").ToList();
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            var later = clock.GetUtcNow().UtcDateTime.AddMinutes(1);
            db.OutboxMessages.AddRange(keys.Select(key => new OutboxMessage
            {
                Kind = "test",
                IdempotencyKey = key,
                To = key.Replace(':', '-') + "@blogsite.test",
                Subject = key,
                Text = key,
                Html = "<p>" + key + "</p>",
            }));
            await db.SaveChangesAsync();
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, later));
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        var received = await smtp.WaitForAsync(keys.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(2_000);
        Assert.Equal(keys.Count, smtp.Received.Count);
        Assert.Equal(keys.Order(), received.Select(m => m.Message.Subject).Order());
        Assert.Equal(keys.Count, await a.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)));
        Directory.Delete(root, recursive: true);
    }
}
