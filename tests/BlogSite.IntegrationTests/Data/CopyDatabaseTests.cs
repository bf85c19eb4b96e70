using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using BlogSite.Accounts;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.IntegrationTests.Areas.Admin;
using BlogSite.IntegrationTests.Areas.Admin.Articles;
using BlogSite.IntegrationTests.Backups;
using BlogSite.IntegrationTests.Subscriptions;
using BlogSite.Subscriptions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BlogSite.IntegrationTests.Data;

/// <summary>
/// A SQLite site filled through its own pages (an article written, tagged, edited and renamed in the editor, an alias
/// from content/, comments with a reply, a report, a moderation, hearts, views, staff with a lockout, and Identity's
/// other tables through its managers; a reader subscribed to new articles and confirmed, the article announced, a
/// commenter asking to hear of replies, so e-mail is on), stopped, copied by `copy-database` into a new PostgreSQL database, and started
/// there. What each store held is read by EF before the site starts on the copy.
/// </summary>
public sealed class CopiedSite : IAsyncLifetime
{
    public const string Slug = "copied-article";
    public const string OldSlug = "copied-article-first-name";
    public const string AliasedSlug = "copied-aliased";
    public const string AliasPath = "/2019/05/copied-old-address/";
    public const string SearchWord = "quixotically";
    public const string ReplyText = "A reply that must come across with its thread.";

    private readonly string root = Directory.CreateTempSubdirectory("blogsite-copy-").FullName;

    // Both sites send to it: with e-mail on, the pages carry the subscription form, so the two must agree.
    private TestSmtpServer smtp = null!;

    /// <summary>The admin's sign-in, made on the SQLite site.</summary>
    public CookieContainer AdminCookies { get; } = new();

    public string AdminEmail { get; } = $"copy-admin-{Guid.NewGuid():N}@blogsite.test";

    public string TargetConnectionString { get; } = TestStore.CreateDatabase();

    public string DatabasePath => Path.Combine(root, "blog.db");

    public (int? Code, string Output, string Errors) Copy { get; private set; }

    /// <summary>The article page's text as the SQLite site served it, last thing before it stopped.</summary>
    public string SourcePage { get; private set; } = "";

    public List<string> SourceEntities { get; private set; } = [];

    public List<string> TargetEntities { get; private set; } = [];

    /// <summary>The site, started on the copy.</summary>
    public BlogFactory Target { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        smtp = await TestSmtpServer.StartAsync();
        await FillAsync();
        await using (var db = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options))
        {
            SourceEntities = await CopyDatabaseTests.EntitiesAsync(db);
        }

        await using (var services = BackupTestStore.ServicesFor(root))
        {
            Copy = await CopyDatabaseTests.RunAsync(services, "--to-provider", "Postgres", "--to", TargetConnectionString);
        }

        await using (var db = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(TargetConnectionString)))
        {
            TargetEntities = await CopyDatabaseTests.EntitiesAsync(db);
        }

        Target = Site(DatabaseProvider.Postgres);
        Target.PostgresConnectionString = TargetConnectionString;
    }

    /// <summary>A host on the folder's content and media, on its SQLite file or on the copy.</summary>
    private BlogFactory Site(DatabaseProvider provider)
    {
        var site = BlogFactory.InFolder(root, provider).UseSmtp(smtp);
        ReaderMail.Configure(site);
        return site;
    }

    private async Task FillAsync()
    {
        using var site = Site(DatabaseProvider.Sqlite);
        await File.WriteAllTextAsync(Path.Combine(site.ContentFolder, AliasedSlug + ".md"),
            Fixtures.File(AliasedSlug, "An article with an old address", extra: $"aliases: [{AliasPath}]"));
        await AddStaffAsync(site);
        var admin = site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(AdminCookies));
        var signIn = await Forms.SubmitAsync(admin, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = AdminEmail, ["Input.Password"] = AdminData.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // A subscriber confirmed before the article is written, so that its publishing is announced.
        var subscriber = await ReaderMail.ReaderAsync(site, "198.51.100.40");
        Assert.Equal(HttpStatusCode.Redirect, (await ReaderMail.SubscribeAsync(subscriber, "subscriber@blogsite.test")).StatusCode);
        var confirmation = await smtp.SingleForAsync("subscriber@blogsite.test");
        Assert.Equal(HttpStatusCode.OK, (await ReaderMail.ConfirmAsync(subscriber, ReaderMail.ConfirmLink(confirmation))).StatusCode);

        // Published under one slug, then tagged and renamed: a revision, and the first slug kept as a 301.
        var body = $"It moves {SearchWord} from one store to another.\n";
        var id = await EditorData.CreateAsync(admin, OldSlug, ArticleStatus.Published, "An article that moves house", body);
        var fields = EditorData.Fields("An article that moves house", Slug, body, ArticleStatus.Published);
        fields["Input.Tags"] = "moving, postgres";
        Assert.Equal(HttpStatusCode.Redirect, (await EditorData.SaveAsync(admin, EditorData.EditPath(id), fields)).StatusCode);

        var path = "/articles/" + Slug;
        await site.Services.GetRequiredService<ReaderMailWorker>().RunPassAsync(CancellationToken.None);
        Assert.Equal(1, await site.WithDbAsync(db => db.ArticleAnnouncements.CountAsync()));
        var asking = await ReaderAsync(site, "198.51.100.6");
        Assert.Equal(HttpStatusCode.Redirect,
            (await ReaderMail.PostCommentAsync(asking, "Lin", "Tell me when someone answers.", "lin@blogsite.test", notify: true, slug: Slug)).StatusCode);
        var parent = await PostCommentAsync(site, "198.51.100.7", "Ada", "A first comment, with *Markdown*.");
        await PostCommentAsync(site, "198.51.100.7", "Grace", ReplyText, parent);
        var spam = await PostCommentAsync(site, "198.51.100.8", "Mallory", "Buy things.");
        var reporter = await ReaderAsync(site, "198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(reporter, path, "form.comment__report", new Dictionary<string, string>())).StatusCode);
        await Forms.PostAsync(admin, await AdminData.ModerationFormAsync(admin, "/admin/comments?status=Published&q=Buy"),
            new Dictionary<string, string> { ["rowAction"] = $"hide:{spam}", ["note"] = "Spam" });
        Assert.Equal(CommentStatus.Hidden, await AdminData.StatusOfAsync(site, spam));

        foreach (var peer in new[] { "198.51.100.20", "198.51.100.21" })
        {
            var reader = site.CreateReaderClient(peer: peer);
            var token = (await reader.GetFromJsonAsync<JsonElement>("/antiforgery/token")).GetProperty("token").GetString()!;
            using var heart = new HttpRequestMessage(HttpMethod.Post, path + "/heart")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Hearted"] = "true" }),
            };
            heart.Headers.Accept.ParseAdd("application/json");
            Assert.True((await reader.SendAsync(heart)).IsSuccessStatusCode);
        }

        // Views stored (every reader above read the page too); then the page as it stands, read by a reader already
        // counted, so that the copy holds what it shows.
        var counted = site.CreateReaderClient(peer: "198.51.100.30");
        await counted.GetAsync(path);
        await site.FlushViewsAsync();
        SourcePage = await CopyDatabaseTests.PageTextAsync(counted, path);
        var views = await site.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug).Select(a => a.Views).SingleAsync());
        Assert.True(views > 0);
        Assert.Contains($" {views} views 2 hearts ", SourcePage, StringComparison.Ordinal);
    }

    /// <summary>The admin, an author locked out by wrong passwords (its lockout end is a time with an offset), and Identity's tables the site leaves empty.</summary>
    private async Task AddStaffAsync(BlogFactory site)
    {
        const string Locked = "copy-locked@blogsite.test";
        const string Other = "copy-other@blogsite.test";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserCommands>();
            Assert.Empty(await users.AddAsync(AdminEmail, "Copy Admin", AdminData.Password, [Roles.Admin]));
            Assert.Empty(await users.AddAsync(Locked, "Locked Author", AdminData.Password, [Roles.Author]));
            Assert.Empty(await users.AddAsync(Other, "Other Author", AdminData.Password, [Roles.Author]));

            // Through Identity's own managers, as a sign-in provider or a role policy would write them.
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<BlogUser>>();
            var other = (await manager.FindByEmailAsync(Other))!;
            Assert.True((await manager.AddClaimAsync(other, new Claim("copy-claim", "kept"))).Succeeded);
            Assert.True((await manager.AddLoginAsync(other, new UserLoginInfo("CopyProvider", "copy-key", "Copy"))).Succeeded);
            Assert.True((await manager.SetAuthenticationTokenAsync(other, "CopyProvider", "refresh", "copy-token")).Succeeded);
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.AddClaimAsync((await roles.FindByNameAsync(Roles.Author))!, new Claim("copy-role-claim", "kept"))).Succeeded);
        }

        for (var i = 0; i < 5; i++)
        {
            await Forms.SubmitAsync(site.CreateReaderClient(), "/account/login", "main form",
                new Dictionary<string, string> { ["Input.Email"] = Locked, ["Input.Password"] = "not-the-password-1" });
        }
    }

    public static async Task<HttpClient> ReaderAsync(BlogFactory site, string peer)
    {
        var reader = site.CreateReaderClient(peer: peer);
        // With its security cookie first, as a browser has by the time it posts, so the form carries its token.
        await reader.GetAsync("/antiforgery/token");
        return reader;
    }

    /// <summary>Posts a comment (a reply to <paramref name="parentId"/>) on the article at <paramref name="slug"/> through its form; returns its id.</summary>
    public static async Task<int> PostCommentAsync(BlogFactory site, string peer, string name, string text, int? parentId = null, string slug = Slug)
    {
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Body"] = text };
        if (parentId is { } parent)
        {
            values["Input.ParentId"] = parent.ToString(CultureInfo.InvariantCulture);
        }

        var posted = await Forms.SubmitAsync(await ReaderAsync(site, peer), "/articles/" + slug, "form.comment-form", values, submitName: "intent=post");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        return await site.WithDbAsync(db => db.Comments.Where(c => c.Body == text).Select(c => c.Id).SingleAsync());
    }

    public async Task DisposeAsync()
    {
        Target?.Dispose();
        await smtp.DisposeAsync();
        TestStore.Drop(TargetConnectionString);
        BackupTestStore.DeleteFolder(root);
    }
}

/// <summary>
/// `copy-database` from a SQLite store into PostgreSQL, then the site on the copy. These need a PostgreSQL server
/// whatever the pass, so the SQLite pass leaves them out (see <see cref="TestStore.NeedsPostgres"/>).
/// </summary>
[Trait(TestStore.Trait, TestStore.NeedsPostgres)]
public sealed partial class CopyDatabaseTests(CopiedSite copied) : IClassFixture<CopiedSite>
{
    private const string ArticlePath = "/articles/" + CopiedSite.Slug;

    [Fact]
    public void Copy_EndsWellAndPrintsEveryTable_WithTheSameCountOnBothSides()
    {
        var (code, output, errors) = copied.Copy;

        Assert.True(code == CopyDatabaseCli.Done, errors + output);
        Assert.Empty(errors);
        using var db = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(copied.TargetConnectionString));
        foreach (var table in DatabaseCopier.TablesInCopyOrder(db.Model).Select(t => t.Name).Concat(DatabaseCopier.DerivedTables))
        {
            var line = output.Split('\n').Single(l => l.StartsWith(table + " ", StringComparison.Ordinal) || l.StartsWith(table + "* ", StringComparison.Ordinal));
            var numbers = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
            Assert.Equal(2, numbers.Length);
            Assert.Equal(numbers[0], numbers[1]);
        }

        Assert.DoesNotContain("DIFFERS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTableOfTheSqliteStore_HoldsRows_AndTheCopyHasAsMany()
    {
        // Listed from the file, not from the model: a table a migration adds is found here whether the copier knows it or
        // not, and a table the fixture leaves empty would prove nothing, so each must hold a row (fill it above).
        var tables = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={copied.DatabasePath};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\_\_EFMigrations%' ESCAPE '\'
                  AND name NOT LIKE '{SqliteFullTextIndex.Table}\_%' ESCAPE '\' ORDER BY name
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var db = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(copied.TargetConnectionString));
        Assert.Equal(tables, DatabaseCopier.TablesInCopyOrder(db.Model).Select(t => t.Name).Concat(DatabaseCopier.DerivedTables).Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            var rows = await BackupTestStore.ScalarAsync(copied.DatabasePath, $"SELECT count(*) FROM \"{table}\"");
            Assert.True(rows > 0, $"{table} is empty in the source; fill it through the site in CopiedSite, so that its copy is tested");
            Assert.True(rows == await TargetCountAsync(table), $"{table}: {rows} rows in the source, {await TargetCountAsync(table)} in the copy");
        }
    }

    [Fact]
    public void EveryEntity_ComesAcrossWithEveryValue()
    {
        Assert.NotEmpty(copied.SourceEntities);
        Assert.Equal(copied.SourceEntities, copied.TargetEntities);
    }

    [Fact]
    public async Task TheArticlePage_OnTheCopy_IsTheOneTheSqliteSiteServed()
    {
        var page = await PageTextAsync(copied.Target.CreateReaderClient(), ArticlePath);

        Assert.Equal(copied.SourcePage, page);
        Assert.Contains(CopiedSite.ReplyText, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Buy things.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldSlugAndAlias_AnswerWithTheir301s()
    {
        var client = copied.Target.CreateReaderClient();

        var renamed = await client.GetAsync("/articles/" + CopiedSite.OldSlug);
        var aliased = await client.GetAsync(CopiedSite.AliasPath);

        Assert.Equal(HttpStatusCode.MovedPermanently, renamed.StatusCode);
        Assert.Equal(ArticlePath, renamed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, aliased.StatusCode);
        Assert.Equal("/articles/" + CopiedSite.AliasedSlug, aliased.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Search_OnTheCopy_FindsTheArticle_ByItsBodyAndItsTag()
    {
        var client = copied.Target.CreateReaderClient();

        var byBody = await BlogFactory.ParseAsync(await client.GetAsync("/search?q=" + CopiedSite.SearchWord));
        var byTag = await BlogFactory.ParseAsync(await client.GetAsync("/search?q=postgres+moves"));

        Assert.Equal(ArticlePath, Assert.Single(byBody.QuerySelectorAll(".search-result a[href^='/articles/']").Select(a => a.GetAttribute("href")).Distinct()));
        Assert.Contains(ArticlePath, byTag.QuerySelectorAll(".search-result a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task StaffSignIn_WorksOnTheCopy_AndTheSqliteSitesSessionStaysValid()
    {
        // The session was issued by the SQLite site: its data-protection keys came across.
        var kept = copied.Target.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(copied.AdminCookies));
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/admin/articles")).StatusCode);

        var fresh = copied.Target.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(new CookieContainer()));
        var signIn = await Forms.SubmitAsync(fresh, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = copied.AdminEmail, ["Input.Password"] = AdminData.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin/articles")).StatusCode);
    }

    [Fact]
    public async Task NewRows_OnTheCopy_TakeTheIdsAfterTheCopiedOnes()
    {
        var lastComment = await copied.Target.WithDbAsync(db => db.Comments.MaxAsync(c => c.Id));
        var lastArticle = await copied.Target.WithDbAsync(db => db.Articles.IgnoreQueryFilters().MaxAsync(a => a.Id));

        // On another article, so that the copied one stays as the SQLite site served it.
        var comment = await CopiedSite.PostCommentAsync(copied.Target, "198.51.100.50", "Linus", "Posted after the move.", slug: CopiedSite.AliasedSlug);
        var admin = copied.Target.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(copied.AdminCookies));
        var article = await EditorData.CreateAsync(admin, "written-after-the-move");

        Assert.True(comment > lastComment);
        Assert.True(article > lastArticle);
        await using var connection = await OpenTargetAsync();
        foreach (var (sequence, next, max) in await SequencesAsync(connection))
        {
            Assert.True(next > max, $"{sequence} would give {next}, and {max} is taken");
        }
    }

    [Fact]
    public async Task ATargetThatHoldsRows_IsRefused_AndLeftAsItWas()
    {
        var before = await TargetCountsAsync();

        await using var services = BackupTestStore.ServicesFor(Path.GetDirectoryName(copied.DatabasePath)!);
        var (code, output, errors) = await RunAsync(services, "--to-provider", "Postgres", "--to", copied.TargetConnectionString);

        Assert.Equal(CopyDatabaseCli.Refused, code);
        Assert.Contains("is not empty", errors, StringComparison.Ordinal);
        Assert.Contains("nothing was written", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("rows in", output, StringComparison.Ordinal);
        Assert.Equal(before, await TargetCountsAsync());
    }

    [Fact]
    public async Task ATargetWithOnlyAUser_IsRefused()
    {
        var connectionString = TestStore.CreateDatabase();
        try
        {
            await using (var db = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(connectionString)))
            {
                await db.Database.MigrateAsync();
                db.Users.Add(new BlogUser { Id = "someone", UserName = "someone", DisplayName = "Someone", Slug = "someone" });
                await db.SaveChangesAsync();
            }

            await using var services = BackupTestStore.ServicesFor(Path.GetDirectoryName(copied.DatabasePath)!);
            var (code, _, errors) = await RunAsync(services, "--to-provider", "Postgres", "--to", connectionString);

            Assert.Equal(CopyDatabaseCli.Refused, code);
            Assert.Contains("holds rows in AspNetUsers;", errors, StringComparison.Ordinal);
            await using var check = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(connectionString));
            Assert.Equal(0, await check.Articles.IgnoreQueryFilters().CountAsync());
        }
        finally
        {
            TestStore.Drop(connectionString);
        }
    }

    [Fact]
    public async Task FromPostgres_IntoItself_OrWhileAnInstanceRunsOnIt_IsRefused()
    {
        // The site on the copy is a PostgreSQL source with an instance running on it.
        var listener = copied.Target.Services.GetRequiredService<BlogSite.Data.Postgres.PostgresChangeListener>();
        for (var waited = 0; !listener.IsListening && waited < 200; waited++)
        {
            await Task.Delay(50);
        }

        var itself = await RunAsync(copied.Target.Services, "--to-provider", "Postgres", "--to", copied.TargetConnectionString.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var fresh = TestStore.CreateDatabase();
        try
        {
            var running = await RunAsync(copied.Target.Services, "--to-provider", "Postgres", "--to", fresh);

            Assert.Equal(CopyDatabaseCli.Refused, itself.Code);
            Assert.Contains("is the store the site runs on", itself.Errors, StringComparison.Ordinal);
            Assert.Equal(CopyDatabaseCli.InUse, running.Code);
            Assert.Contains("Stop every instance", running.Errors, StringComparison.Ordinal);
            await using var check = new NpgsqlConnection(fresh);
            await check.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", check);
            Assert.Equal(0L, await tables.ExecuteScalarAsync());
        }
        finally
        {
            TestStore.Drop(fresh);
        }
    }

    [Fact]
    public async Task CountsThatDiffer_RollTheCopyBack_AndExit4()
    {
        // A source whose search index lost an article's row: the copy builds the target's from the articles, so that
        // table's count cannot match, and the copy must keep nothing.
        var root = Directory.CreateTempSubdirectory("blogsite-copy-differ-").FullName;
        var target = TestStore.CreateDatabase();
        try
        {
            using (var site = BlogFactory.InFolder(root, DatabaseProvider.Sqlite))
            {
                _ = site.Services;
            }

            var database = Path.Combine(root, "blog.db");
            await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var damage = connection.CreateCommand();
                damage.CommandText = $"DELETE FROM {SqliteFullTextIndex.Table} WHERE rowid = (SELECT min(Id) FROM Articles)";
                Assert.Equal(1, await damage.ExecuteNonQueryAsync());
            }

            await using var services = BackupTestStore.ServicesFor(root);
            var (code, output, errors) = await RunAsync(services, "--to-provider", "Postgres", "--to", target);

            Assert.Equal(CopyDatabaseCli.CountsDiffer, code);
            Assert.Contains($"differ from the source's in {SqliteFullTextIndex.Table};", errors, StringComparison.Ordinal);
            Assert.Matches($@"(?m)^{SqliteFullTextIndex.Table}\* +\d+ +\d+  DIFFERS", output);
            await using var check = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(target));
            Assert.Equal(0, await check.Articles.IgnoreQueryFilters().CountAsync());
            Assert.Equal(0, await check.Users.CountAsync());
        }
        finally
        {
            TestStore.Drop(target);
            BackupTestStore.DeleteFolder(root);
        }
    }

    public static async Task<(int? Code, string Output, string Errors)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CopyDatabaseCli.TryRunAsync(["copy-database", .. args], services, new CliConsole(output, errors, () => ""));
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>The text of <paramref name="path"/>'s main element as it is now (past the page cache), spaces collapsed.</summary>
    public static async Task<string> PageTextAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "fresh=1");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        return Spaces().Replace(page.QuerySelector("main")!.TextContent, " ").Trim();
    }

    /// <summary>
    /// Every entity of the model in <paramref name="db"/>, each as one line of its type and its properties' values, sorted:
    /// EF reads both stores through their own providers, so two stores hold the same when these are equal.
    /// </summary>
    public static async Task<List<string>> EntitiesAsync(BlogDbContext db)
    {
        var load = typeof(CopyDatabaseTests).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            await (type.HasSharedClrType
                ? db.Set<Dictionary<string, object>>(type.Name).LoadAsync()
                : (Task)load.MakeGenericMethod(type.ClrType).Invoke(null, [db])!);
        }

        return [.. db.ChangeTracker.Entries()
            .Select(e => e.Metadata.DisplayName() + ": " + string.Join(", ", e.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
                .Select(p => p.Metadata.Name + "=" + Text(p.CurrentValue))))
            .Order(StringComparer.Ordinal)];
    }

    private static Task LoadAsync<T>(BlogDbContext db)
        where T : class => db.Set<T>().IgnoreQueryFilters().LoadAsync();

    // PostgreSQL keeps times to the microsecond, SQLite to the tick (a tenth of one): a time is the same to the microsecond.
    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime time => new DateTime(time.Ticks - time.Ticks % 10, time.Kind).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => Text(time.UtcDateTime),
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private async Task<NpgsqlConnection> OpenTargetAsync()
    {
        var connection = new NpgsqlConnection(copied.TargetConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<long> TargetCountAsync(string table)
    {
        await using var connection = await OpenTargetAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows and the largest key of every table the copy writes, in the target.</summary>
    private async Task<List<string>> TargetCountsAsync()
    {
        using var db = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(copied.TargetConnectionString));
        var counts = new List<string>();
        foreach (var table in DatabaseCopier.TablesInCopyOrder(db.Model).Select(t => t.Name).Concat(DatabaseCopier.DerivedTables))
        {
            counts.Add($"{table} {await TargetCountAsync(table)}");
        }

        return counts;
    }

    /// <summary>Each identity sequence of the target, the value it gives next, and the largest value its column holds.</summary>
    private static async Task<List<(string Sequence, long Next, long Max)>> SequencesAsync(NpgsqlConnection connection)
    {
        var columns = new List<(string Table, string Column, string Sequence)>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_name, column_name, pg_get_serial_sequence(format('%I', table_name), column_name) FROM information_schema.columns
            WHERE table_schema = current_schema() AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Contains(columns, c => c.Table == "Comments");
        var sequences = new List<(string, long, long)>();
        foreach (var (table, column, sequence) in columns)
        {
            await using var command = new NpgsqlCommand($"""
                SELECT (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {sequence}),
                       (SELECT COALESCE(max("{column}"), 0) FROM "{table}")
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            sequences.Add((sequence, reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return sequences;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
