using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>
/// The background work of reader mail, every <see cref="ReaderMailOptions.PollSeconds"/> and as soon as a write says
/// something changed: articles to announce (a scheduled one comes due with no write at all), digests that are due,
/// addresses to forget. Replies are told of by <see cref="ReplyNotifier"/>, in the transaction that publishes them.
/// Instances sharing a store take turns (<see cref="SiteWork"/>); each step records what it did in the transaction
/// that queues its messages, so a pass cut short is taken up by the next. Off while the site sends no e-mail.
/// </summary>
public sealed class ReaderMailWorker(
    IServiceScopeFactory scopes, SiteWork work, IOptions<SiteOptions> site, TimeProvider clock, IOptions<EmailOptions> email, IOptions<ReaderMailOptions> options,
    ILogger<ReaderMailWorker> logger)
    : BackgroundService, IBlogChangeListener
{
    // A pass takes at most this many batches of each step, so that one huge list cannot keep the others waiting.
    private const int BatchesPerPass = 20;

    // Forgetting addresses reads the whole list; hourly is soon enough for a limit counted in days.
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim wake = new(0, 1);

    // Passes in this instance one at a time (on SQLite the site lock is not taken: one instance serves a store).
    private readonly SemaphoreSlim running = new(1, 1);
    private DateTimeOffset nextCleanup = DateTimeOffset.MinValue;

    public void OnChanged(BlogChange change)
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change woke it already.
            }
        }
    }

    /// <summary>One pass of every step; what the loop runs, and what a test runs to see a pass through.</summary>
    public async Task RunPassAsync(CancellationToken ct)
    {
        await running.WaitAsync(ct);
        try
        {
            await work.RunAloneAsync("the reader mail", async c =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                await RepeatAsync(services.GetRequiredService<ArticleAnnouncer>().RunBatchAsync, c);
                var digests = services.GetRequiredService<DigestSender>();
                await RepeatAsync(t => digests.RunBatchAsync(ArticleFrequency.Daily, t), c);
                await RepeatAsync(t => digests.RunBatchAsync(ArticleFrequency.Weekly, t), c);
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    await services.GetRequiredService<ReaderAddressCleanup>().RunAsync(c);
                    nextCleanup = clock.GetUtcNow() + CleanupEvery;
                }
            }, ct);
        }
        finally
        {
            running.Release();
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        running.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!email.Value.IsEnabled)
        {
            return;
        }

        // Outside a request only the base URL says where the site is, for the links in announcements and digests.
        if (site.Value.Origin is null)
        {
            logger.LogWarning("Reader mail: new articles are not announced and digests are not sent without Site:BaseUrl, the site's public address");
            return;
        }

        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The store may be busy or full for a while; the next pass tries again, and nothing is half-done.
                logger.LogError(ex, "Reader mail: a pass failed; the next one tries again");
            }

            try
            {
                await wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task RepeatAsync(Func<CancellationToken, Task<int>> batch, CancellationToken ct)
    {
        for (var i = 0; i < BatchesPerPass && await batch(ct) > 0; i++)
        {
        }
    }
}
