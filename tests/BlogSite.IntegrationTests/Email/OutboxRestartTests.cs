using BlogSite.Email;

namespace BlogSite.IntegrationTests.Email;

/// <summary>A worker stopped mid-send, gracefully and as by a crash: each message reaches its recipient once.</summary>
public sealed class OutboxRestartTests
{
    [Fact]
    public async Task HostStopsWhileTheServerHoldsTheMessage_FinishesAndRecordsIt_AndTheNextHostSendsNothing()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-outbox-").FullName;
        await using var smtp = await TestSmtpServer.StartAsync();
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var hold = smtp.HoldNext();
        var first = new EmailSite(smtp, clock, root);
        var key = await first.EnqueueAsync("once@blogsite.test");
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20));

        var stopping = Task.Run(first.Dispose);
        await Task.Delay(500);
        Assert.False(stopping.IsCompleted, "The host stopped without waiting for the message in hand.");
        hold.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        using var second = new EmailSite(smtp, clock, root);
        var row = await second.WaitForStatusAsync(key, OutboxStatus.Sent);
        Assert.Equal(1, row.Attempts);
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(2_000);
        Assert.Single(smtp.Received);
        Assert.Equal(OutboxStatus.Sent, (await second.RowAsync(key)).Status);
        second.Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task HostDiesBeforeTheServerAnswers_TheNextHostMarksItUnknown_AndNeverSendsItAgain()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-outbox-").FullName;
        await using var smtp = await TestSmtpServer.StartAsync();
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        var hold = smtp.HoldNext();
        // The host gives its worker no time to finish: as good as a kill, for the store and the server.
        var first = new EmailSite(smtp, clock, root) { ShutdownTimeout = TimeSpan.Zero };
        var key = await first.EnqueueAsync("once@blogsite.test");
        var other = await first.EnqueueAsync("other@blogsite.test");
        await hold.Arrived.WaitAsync(TimeSpan.FromSeconds(20));
        first.Dispose();

        using var second = new EmailSite(smtp, clock, root);
        var othersRow = await second.WaitForStatusAsync(other, OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Sending, (await second.RowAsync(key)).Status);

        clock.Advance(TimeSpan.FromSeconds(301));
        var row = await second.WaitForStatusAsync(key, OutboxStatus.Failed);
        Assert.Equal(OutboxLedger.UnknownOutcome, row.LastError);
        Assert.Equal(1, row.Attempts);
        hold.Release();
        await Task.Delay(2_000);
        Assert.Single(smtp.Received, m => m.Recipients.Contains("once@blogsite.test"));
        Assert.Equal(OutboxStatus.Failed, (await second.RowAsync(key)).Status);
        Assert.Equal(1, othersRow.Attempts);
        second.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
