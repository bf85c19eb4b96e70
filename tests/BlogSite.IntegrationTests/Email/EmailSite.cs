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
        Settings["Comments:MinFormAgeSeconds"] = "0";
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

    public const string ArticleSlug = "ef-core-query-counts";
    public const string ArticleTitle = "Call ToListAsync() once: keeping EF Core query counts honest";

    /// <summary>The display name of the sample article's author: an account made with it is linked to the article.</summary>
    public const string ArticleAuthor = "Tomás Reyes";

    /// <summary>A staff account with <paramref name="role"/> and the given notification choices, stored as they are.</summary>
    public async Task<(string Id, string Email)> AddStaffAsync(string role, string? name = null, bool comments = false, bool moderation = false)
    {
        name ??= role + " " + Guid.NewGuid().ToString("N")[..8];
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@blogsite.test";
        await using var scope = Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<BlogSite.Accounts.UserCommands>().AddAsync(email, name, Accounts.StaffSessions.Password, [role]));
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.NotifyOfComments, comments)
            .SetProperty(u => u.NotifyOfModeration, moderation));
        return (id, email);
    }

    /// <summary>A new reader at <paramref name="peer"/> posts <paramref name="body"/> under the sample article; returns the comment's id.</summary>
    public async Task<int> PostCommentAsync(string body, string peer = "192.0.2.1", string name = "Grace")
    {
        var reader = CreateReaderClient(peer: peer);
        await reader.GetAsync("/antiforgery/token");
        var posted = await Forms.SubmitAsync(reader, "/articles/" + ArticleSlug, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Body"] = body }, submitName: "intent=post");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        return await WithDbAsync(db => db.Comments.Where(c => c.Body == body).Select(c => c.Id).SingleAsync());
    }

    /// <summary>A new reader at <paramref name="peer"/> reports comment <paramref name="id"/>.</summary>
    public async Task ReportAsync(int id, string peer)
    {
        var reader = CreateReaderClient(peer: peer);
        await reader.GetAsync("/antiforgery/token");
        var page = await ParseAsync(await reader.GetAsync("/articles/" + ArticleSlug));
        var form = page.QuerySelectorAll("form.comment__report").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.GetAttribute("action")!.Contains($"/comments/{id}/", StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await Forms.PostAsync(reader, form, new Dictionary<string, string>())).StatusCode);
    }

    /// <summary>Waits a moment for messages that should not come, and returns how many have arrived in all.</summary>
    public async Task<int> SettledCountAsync()
    {
        await Task.Delay(1_500);
        return Smtp.Received.Count;
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
