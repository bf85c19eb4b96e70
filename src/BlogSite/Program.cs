using BlogSite.Content;
using BlogSite.Counters;
using BlogSite.Data;
using BlogSite.Pages.Articles;
using BlogSite.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBlogData(builder.Configuration, builder.Environment);
builder.Services.AddBlogContent();
builder.Services.AddViewCounting();
builder.Services.AddBlogWeb();
builder.Services.AddScoped<ArticleQueries>();

var app = builder.Build();

await app.Services.InitialiseBlogDataAsync();
await app.Services.SyncBlogContentAsync();

app.UseBlogPipeline();
app.MapStaticAssets();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
