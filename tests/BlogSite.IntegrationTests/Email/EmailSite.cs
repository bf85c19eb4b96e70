using BlogSite.Areas.Admin.Pages.Email;
using BlogSite.Data;
using BlogSite.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlogSite.IntegrationTests.Email;

/// <summary>The site sending to a <see cref="TestSmtpServer"/> of its own, on a clock the test moves, polling every second.</summary>
public sealed class EmailSite : BlogFactory
{
    private readonly bool ownsSmtp;

    /// <summary>A site on the store in <paramref name="root"/> (kept after it, null for a temporary one), sending to <paramref name="smtp"/>.</summary>
    public EmailSite(TestSmtpServer smtp, FakeClock clock, string? root = null, bool ownsSmtp = false)
        : base(root)
    {
        this.ownsSmtp = ownsSmtp;
        Smtp = smtp;
        Clock = clock;
        UseSmtp(smtp);
        Settings["Email:PollSeconds"] = "1";
    }

    public TestSmtpServer Smtp { get; }

    public FakeClock Clock { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static async Task<EmailSite> StartAsync() => new(await TestSmtpServer.StartAsync(), new FakeClock(DateTimeOffset.UtcNow), ownsSmtp: true);

    /// <summary>How long the host waits for the worker when it stops; short to play a crash mid-send.</summary>
    public TimeSpan? ShutdownTimeout { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (ShutdownTimeout is { } timeout)
            {
                services.Configure<HostOptions>(options => options.ShutdownTimeout = timeout);
            }
        });
    }

    /// <summary>Stores a test message to <paramref name="to"/> as a command would, and returns its key.</summary>
    public Task<string> EnqueueAsync(string to, string? key = null) => EnqueueAsync(this, to, key);

    public static async Task<string> EnqueueAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> site, string to, string? key = null)
    {
        key ??= "test:" + Guid.NewGuid().ToString("N");
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var composer = scope.ServiceProvider.GetRequiredService<EmailComposer>();
        Outbox.Enqueue(db, composer.Compose(new TestMessageEmail(), new TestMessage("Tess", "the test server"), key, to));
        await db.SaveChangesAsync();
        return key;
    }

    public Task<OutboxMessage> RowAsync(string key) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));

    /// <summary>Waits until the message with <paramref name="key"/> is in <paramref name="status"/> (after at least <paramref name="attempts"/>).</summary>
    public async Task<OutboxMessage> WaitForStatusAsync(string key, OutboxStatus status, int attempts = 0, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var row = await RowAsync(key);
            if (row.Status == status && row.Attempts >= attempts)
            {
                return row;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Message {key} stayed {row.Status} ({row.LastError}); expected {status}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsSmtp)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
