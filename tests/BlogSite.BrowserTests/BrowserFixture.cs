using System.Net;
using BlogSite.Accounts;
using BlogSite.Pages.Comments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a fresh SQLite file, sending its e-mail to a test SMTP server in process
/// (so every page shows the e-mail features), and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("blogsite-browser-").FullName;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where the site's messages arrive.</summary>
    public BlogSite.IntegrationTests.TestSmtpServer Smtp { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BlogSite.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("BlogSite.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Where screenshots go: beside the test assembly, in the test output.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        // The port is chosen before the host starts, since Production needs its base URL at start-up.
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Smtp = await BlogSite.IntegrationTests.TestSmtpServer.StartAsync();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Serves wwwroot from the build output as in Development; without it an unpublished build's CSS comes back empty.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Blog", $"Data Source={Path.Combine(root, "blog.db")}");
        builder.UseSetting("Content:Path", Path.Combine(RepositoryRoot, "content"));
        builder.UseSetting("Media:Path", Path.Combine(root, "media"));
        builder.UseSetting("Site:BaseUrl", BaseUrl);
        // A test fills a form faster than any person: the anti-bot form age and the per-address post limit are for people,
        // and one class's tests sign in from one address more often than the sign-in limit lets a person try.
        builder.UseSetting("Comments:MinFormAgeSeconds", "0");
        builder.UseSetting("Comments:PostsPerWindow", "1000");
        builder.UseSetting("RateLimits:SignInsPer15Minutes", "1000");
        builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Smtp:UseTls", "false");
        builder.UseSetting("Email:Smtp:From", "BlogSite <blog@blogsite.test>");
        builder.UseSetting("Email:PollSeconds", "1");
        builder.UseSetting("Email:Readers:PollSeconds", "1");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Creates a signed-up user with <paramref name="role"/>, as `blogsite users add` would.</summary>
    public async Task CreateUserAsync(string email, string displayName, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<UserCommands>().AddAsync(email, displayName, password, [role]);
        Assert.Empty(errors);
    }

    /// <summary>Stores a comment as if <paramref name="readerKey"/> had posted it, held or published by the site's rules; returns its id.</summary>
    public async Task<int> SeedCommentAsync(string slug, string name, string body, string readerKey, int? parentId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var comments = scope.ServiceProvider.GetRequiredService<CommentCommands>();
        var target = await comments.FindTargetAsync(slug, CancellationToken.None) ?? throw new InvalidOperationException("No article " + slug);
        var input = new CommentInput { Name = name, Body = body, ParentId = parentId, Started = comments.StartedStamp() };
        var result = await comments.PostAsync(target, input, "127.0.0.1", readerKey, CancellationToken.None);
        return result.CommentId ?? throw new InvalidOperationException($"Comment refused: {string.Join(" ", result.Errors.Values)}");
    }

    /// <summary>Publishes an article through the one article writer, as the editor would; returns its slug.</summary>
    public async Task<string> PublishAsync(string title)
    {
        var slug = "browser-" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = Services.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<BlogSite.Content.ArticleWriter>().WriteAsync(null,
            new BlogSite.Domain.ArticleDraft { Title = title, Slug = slug, Category = "Browser tests", Status = BlogSite.Domain.ArticleStatus.Published, Body = "Words.\n" },
            new BlogSite.Content.ArticleByline(null, "Test Author"), revision: null, CancellationToken.None);
        Assert.True(written.IsWritten, string.Join(" ", written.Problems.Values));
        return slug;
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}
