using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BlogSite.Counters;
using BlogSite.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests;

/// <summary>
/// The real app on a fresh store (a SQLite file, or a PostgreSQL database of its own: see <see cref="TestStore"/>),
/// syncing the repository's sample articles plus fixtures written by the test class. Only the store and the
/// content folder are swapped.
/// </summary>
public class BlogFactory : WebApplicationFactory<Program>
{
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) BlogSiteTests/1.0";

    private readonly string root;
    private readonly bool ownsRoot;

    public BlogFactory()
        : this(null)
    {
    }

    /// <param name="root">A folder for the database and content that outlives the factory; a temporary one when null.</param>
    protected BlogFactory(string? root)
    {
        ownsRoot = root is null;
        this.root = root ?? Directory.CreateTempSubdirectory("blogsite-it-").FullName;
        ContentFolder = Path.Combine(this.root, "content");
        Directory.CreateDirectory(ContentFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "content"), "*.md"))
        {
            File.Copy(file, Path.Combine(ContentFolder, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var (name, text) in Fixtures.All)
        {
            File.WriteAllText(Path.Combine(ContentFolder, name), text);
        }
    }

    /// <summary>A factory whose database and content stay in <paramref name="root"/> after it is disposed.</summary>
    public static BlogFactory InFolder(string root) => new(root);

    public string ContentFolder { get; }

    /// <summary>The host's environment; Production unless a test needs another.</summary>
    public string EnvironmentName { get; set; } = "Production";

    /// <summary>Extra configuration for one test's factory, set before the host starts.</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        // Every plain client shares one (unknown) address, and a test class signs many users in through it;
        // the sign-in limit itself is tested with a low setting in SignInLimitTests.
        ["RateLimits:SignInsPer15Minutes"] = "100000",
        // A backup at every test host's start would load the machine for nothing; the backup tests turn it on.
        ["Backup:IntervalHours"] = "0",
    };

    /// <summary>Sends the site's e-mail to <paramref name="smtp"/> (plain SMTP on loopback, from blog@blogsite.test).</summary>
    public BlogFactory UseSmtp(TestSmtpServer smtp)
    {
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:UseTls"] = "false";
        Settings["Email:Smtp:From"] = "BlogSite <blog@blogsite.test>";
        return this;
    }

    /// <summary>The SQLite file; a test that asks for it is about the file, and runs on SQLite only (see <see cref="TestStore.SqliteFile"/>).</summary>
    public string DatabasePath => TestStore.IsPostgres
        ? throw new InvalidOperationException($"This test is about the SQLite file; mark it [Trait(TestStore.Trait, TestStore.SqliteFile)] (the Postgres pass filters Store!=SqliteFile).")
        : Path.Combine(root, "blog.db");

    /// <summary>The PostgreSQL database of this factory, made when the host is configured; null on SQLite.</summary>
    public string? PostgresConnectionString { get; private set; }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (TestStore.IsPostgres)
        {
            PostgresConnectionString ??= ownsRoot ? TestStore.CreateDatabase() : TestStore.DatabaseFor(root);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Blog", PostgresConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Blog", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Content:Path", ContentFolder);
        builder.UseSetting("Media:Path", Path.Combine(root, "media"));
        // TestServer's clients call http://localhost; Production requires a base URL, and answers only its host.
        builder.UseSetting("Site:BaseUrl", "http://localhost");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestPeer>());
    }

    /// <summary>
    /// A client that looks like a browser, so its article views count; from the address <paramref name="peer"/>
    /// when given (see <see cref="TestPeer"/>), else with no address, as TestServer sends.
    /// </summary>
    public HttpClient CreateReaderClient(string userAgent = BrowserUserAgent, string? peer = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        if (peer is not null)
        {
            client.DefaultRequestHeaders.Add(TestPeer.Header, peer);
        }

        return client;
    }

    /// <summary>Creates a staff account with <paramref name="role"/> and returns a client signed in as it.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@blogsite.test";
        await using (var scope = Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<BlogSite.Accounts.UserCommands>()
                .AddAsync(email, email.Split('@')[0], StaffPassword, [role]);
            Assert.Empty(errors);
        }

        var client = CreateReaderClient();
        var response = await Forms.SubmitAsync(client, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = StaffPassword });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public const string StaffPassword = "correct-horse-battery-9";

    public Task FlushViewsAsync() => Services.GetRequiredService<ViewFlushService>().FlushAsync(CancellationToken.None);

    public async Task<T> WithDbAsync<T>(Func<BlogDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BlogDbContext>());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsRoot)
        {
            if (PostgresConnectionString is not null)
            {
                TestStore.Drop(PostgresConnectionString);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }
}
