using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlogSite.Domain;
using BlogSite.IntegrationTests.Areas.Admin;
using BlogSite.IntegrationTests.Areas.Admin.Articles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Data;

/// <summary>
/// A full store for real: SQLite's max_page_count, lowered on every connection to the file's size, makes any
/// write that needs a new page fail with SQLITE_FULL, as a full disk does; raising it is space returning. (A small
/// row can still fit in a page's free space, as on a real disk, so the writes here are large.)
/// </summary>
[Trait(TestStore.Trait, TestStore.SqliteFile)] // SQLITE_FULL from a file that cannot grow: the Postgres pass leaves these out (see TestStore)
public sealed class StorageFullTests
{
    private const string Slug = "ef-core-query-counts";
    private const string ArticlePath = "/articles/" + Slug;

    [Fact]
    public async Task Comment_WhenTheStoreIsFull_Is503WithTheTypedText_ReadersAreServed_AndItRecoversWithoutARestart()
    {
        using var factory = new FullableFactory();
        var client = factory.CreateReaderClient();
        var token = (await client.GetFromJsonAsync<JsonElement>("/antiforgery/token")).GetProperty("token").GetString()!;
        Assert.Equal("Healthy", await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync());
        var body = "A long correction, typed with care. " + string.Concat(Enumerable.Repeat("Every word of it matters. ", 350)) + "The end-marker-7f3a.";

        await factory.FillAsync();
        var refused = await PostCommentAsync(client, body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var page = await BlogFactory.ParseAsync(refused);
        Assert.Contains("storage is full", page.QuerySelector("form.comment-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim('\n'));
        Assert.Equal("Grace", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync()));

        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var why = await ready.Content.ReadAsStringAsync();
        Assert.StartsWith("Degraded", why, StringComparison.Ordinal);
        Assert.Contains("store-writable", why, StringComparison.Ordinal);
        Assert.Contains("disk space", why, StringComparison.Ordinal);

        foreach (var path in new[] { "/", ArticlePath, "/archive", "/feed.xml" })
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateReaderClient().GetAsync(path)).StatusCode);
        }

        factory.Limit.MaxPageCount = null;
        var accepted = await PostCommentAsync(client, body);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(body, Assert.Single(await factory.WithDbAsync(db => db.Comments.Select(c => c.Body).ToListAsync())));
        Assert.Equal("Healthy", await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await HeartAsync(client, token)).StatusCode);
    }

    [Fact]
    public async Task Ready_WhenSpaceReturnsWithoutAnyWrite_IsHealthyAgain_AndTheViewFlushKeepsItsCounts()
    {
        using var factory = new FullableFactory();
        var client = factory.CreateReaderClient();
        await client.GetAsync("/antiforgery/token");
        await factory.FillAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostCommentAsync(client, "Short, but the page is full. " + new string('x', 6000))).StatusCode);
        Assert.StartsWith("Degraded", await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        factory.Limit.MaxPageCount = null;

        Assert.Equal("Healthy", await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE name = '__WriteProbe'").SingleAsync()));
    }

    [Fact]
    public async Task Editor_WhenTheStoreIsFull_Is503AndKeepsTheText()
    {
        using var factory = new FullableFactory();
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("full");
        var body = "# Notes\n\n" + string.Concat(Enumerable.Repeat("A paragraph the author must not lose. ", 400)) + "\nlast-line-9c1d\n";
        var form = await EditorData.FormAsync(author, EditorData.NewArticlePath, "#editor-form");

        await factory.FillAsync();
        var refused = await Forms.PostAsync(author, form, EditorData.Fields("Written while the disk was full", slug, body), path: EditorData.NewArticlePath);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await BlogFactory.ParseAsync(refused);
        Assert.Contains("storage is full", page.QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Lines(body), Lines(page.QuerySelector("textarea[name='Input.Body']")!.TextContent));
        Assert.Equal("Written while the disk was full", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug)));

        factory.Limit.MaxPageCount = null;
        var saved = await Forms.PostAsync(author, form, EditorData.Fields("Written while the disk was full", slug, body), path: EditorData.NewArticlePath);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug)));
    }

    private static string Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string body) =>
        Forms.SubmitAsync(client, ArticlePath, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.Body"] = body }, submitName: "intent=post");

    private static async Task<HttpResponseMessage> HeartAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{Slug}/heart")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Hearted"] = "true" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        return await client.SendAsync(request);
    }

    /// <summary>The real app whose every store connection is capped at <see cref="PageLimit.MaxPageCount"/> pages.</summary>
    private sealed class FullableFactory : BlogFactory
    {
        public FullableFactory()
        {
            Settings["Comments:MinFormAgeSeconds"] = "0";
            // The background flush is a write too; these tests say when writes happen.
            Settings["Views:FlushSeconds"] = "300";
        }

        public PageLimit Limit { get; } = new();

        /// <summary>Caps the store at its current size with no free pages inside it, as a disk with no room left.</summary>
        public async Task FillAsync()
        {
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM"));
            Limit.MaxPageCount = await WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT page_count AS Value FROM pragma_page_count").SingleAsync());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Limit));
        }
    }

    /// <summary>max_page_count is per connection, so it is set each time one is opened (pooled ones included).</summary>
    private sealed class PageLimit : DbConnectionInterceptor
    {
        // SQLite's own default: no cap below the file format's limit.
        private const long Unlimited = 4294967294;

        public long? MaxPageCount { get; set; }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {MaxPageCount ?? Unlimited};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {MaxPageCount ?? Unlimited};";
            command.ExecuteNonQuery();
        }
    }
}
