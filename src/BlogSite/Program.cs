using BlogSite.Accounts;
using BlogSite.Areas.Admin;
using BlogSite.Backups;
using BlogSite.Content;
using BlogSite.Counters;
using BlogSite.Data;
using BlogSite.Email;
using BlogSite.Feeds;
using BlogSite.Health;
using BlogSite.Import;
using BlogSite.Media;
using BlogSite.Pages.Articles;
using BlogSite.Pages.Comments;
using BlogSite.Subscriptions;
using BlogSite.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBlogData(builder.Configuration, builder.Environment);
builder.Services.AddBlogAccounts(builder.Configuration, builder.Environment);
builder.Services.AddBlogContent();
builder.Services.AddBlogMedia();
builder.Services.AddBlogImport();
builder.Services.AddViewCounting();
builder.Services.AddBlogWeb();
builder.Services.AddBlogAdmin();
builder.Services.AddArticlePages();
builder.Services.AddComments();
builder.Services.AddBlogEmail(builder.Configuration);
builder.Services.AddReaderMail();
builder.Services.AddBlogFeeds();
builder.Services.AddBlogHealth(builder.Configuration);
builder.Services.AddBackups(builder.Configuration);

var app = builder.Build();

// Before the store is migrated: a backup takes it as it is, and a restore must not open the store it replaces.
if (await BackupCli.TryRunAsync(args, app.Services) is { } backupExitCode)
{
    return backupExitCode;
}

await app.Services.InitialiseBlogDataAsync();
if (await UsersCli.TryRunAsync(args, app.Services) is { } exitCode)
{
    return exitCode;
}

if (await ImportCli.TryRunAsync(args, app.Services) is { } importExitCode)
{
    return importExitCode;
}

if (await BlogSite.Export.ExportCli.TryRunAsync(args, app.Services) is { } exportExitCode)
{
    return exportExitCode;
}

if (await CopyDatabaseCli.TryRunAsync(args, app.Services) is { } copyExitCode)
{
    return copyExitCode;
}

await app.Services.GetRequiredService<SiteLock>().TakeAsync();
await DemoAccounts.SeedAsync(app.Services, app.Environment);
await app.Services.SyncBlogContentAsync();

app.UseBlogPipeline();
app.UseBlogMedia();
app.MapStaticAssets();
app.MapRazorPages();
app.MapBlogFeeds();
app.MapBlogHealth();
app.MapFormTokens();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
