using BlogSite.Web;

namespace BlogSite.Feeds;

public static class FeedEndpoints
{
    public const string SiteRssName = "feeds-site-rss";
    public const string SiteAtomName = "feeds-site-atom";
    public const string CategoryRssName = "feeds-category-rss";
    public const string CategoryAtomName = "feeds-category-atom";
    public const string TagRssName = "feeds-tag-rss";
    public const string TagAtomName = "feeds-tag-atom";
    public const string SitemapName = "sitemap";
    public const string SitemapPagesName = "sitemap-pages";
    public const string SitemapArticlesName = "sitemap-articles";
    public const string SitemapTagsName = "sitemap-tags";
    private const string XmlContentType = "application/xml; charset=utf-8";
    // A file's number as written in the index: no sign, no leading zeros, so each file has one address.
    private const string FileNumber = "{number:regex(^[1-9][0-9]{{0,5}}$)}";

    public static IServiceCollection AddBlogFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedQueries>();
        services.AddSingleton<FeedWriter>();
        services.AddSingleton<SitemapWriter>();
        return services;
    }

    /// <summary>
    /// Feeds, the sitemap and robots.txt. They are the same for every anonymous reader, so the reader page
    /// cache keeps them; any article change evicts the whole cache.
    /// </summary>
    public static IEndpointRouteBuilder MapBlogFeeds(this IEndpointRouteBuilder app)
    {
        MapFeed(app, "/feed.xml", SiteRssName, FeedScope.Site, FeedFormat.Rss);
        MapFeed(app, "/atom.xml", SiteAtomName, FeedScope.Site, FeedFormat.Atom);
        MapFeed(app, "/categories/{slug:slug}/feed.xml", CategoryRssName, FeedScope.Category, FeedFormat.Rss);
        MapFeed(app, "/categories/{slug:slug}/atom.xml", CategoryAtomName, FeedScope.Category, FeedFormat.Atom);
        MapFeed(app, "/tags/{slug:slug}/feed.xml", TagRssName, FeedScope.Tag, FeedFormat.Rss);
        MapFeed(app, "/tags/{slug:slug}/atom.xml", TagAtomName, FeedScope.Tag, FeedFormat.Atom);

        app.MapGet("/sitemap.xml", async (FeedQueries queries, SitemapWriter writer, HttpContext context, CancellationToken ct) =>
                {
                    var (articles, tags) = await queries.SitemapFilesAsync(ct);
                    context.Response.ContentType = XmlContentType;
                    await writer.WriteIndexAsync(context.Response.Body, articles, tags, context);
                })
            .WithName(SitemapName)
            .WithMetadata(new ReaderPageAttribute());
        app.MapGet("/sitemaps/pages.xml", async (FeedQueries queries, SitemapWriter writer, HttpContext context, CancellationToken ct) =>
                {
                    var newest = await queries.NewestPublishedAsync(ct);
                    var (categories, months) = await queries.SitemapPagesAsync(ct);
                    context.Response.ContentType = XmlContentType;
                    await writer.WritePagesAsync(context.Response.Body, newest, categories, months, context);
                })
            .WithName(SitemapPagesName)
            .WithMetadata(new ReaderPageAttribute());
        MapSitemapFile(app, "articles", SitemapArticlesName, files => files.Articles,
            (writer, output, queries, number, context, ct) => writer.WriteArticlesAsync(output, queries.SitemapArticlesAsync(number), context, ct));
        MapSitemapFile(app, "tags", SitemapTagsName, files => files.Tags,
            (writer, output, queries, number, context, ct) => writer.WriteTagsAsync(output, queries.SitemapTagsAsync(number), context, ct));
        app.MapGet("/robots.txt", (SitemapWriter writer, HttpContext context) =>
                Results.Text(writer.WriteRobots(context), "text/plain; charset=utf-8"))
            .WithMetadata(new ReaderPageAttribute());
        return app;
    }

    private delegate Task SitemapFileWriter(SitemapWriter writer, Stream output, FeedQueries queries, int number, HttpContext context, CancellationToken ct);

    /// <summary>/sitemaps/{kind}-N.xml: the Nth block of ids, 404 past the last block the index names.</summary>
    private static void MapSitemapFile(IEndpointRouteBuilder app, string kind, string name, Func<(int Articles, int Tags), int> filesOf, SitemapFileWriter write) =>
        app.MapGet($"/sitemaps/{kind}-" + FileNumber + ".xml", async (int number, FeedQueries queries, SitemapWriter writer, HttpContext context, CancellationToken ct) =>
            {
                if (number > filesOf(await queries.SitemapFilesAsync(ct)))
                {
                    return Results.NotFound();
                }

                context.Response.ContentType = XmlContentType;
                await write(writer, context.Response.Body, queries, number, context, ct);
                return Results.Empty;
            })
            .WithName(name)
            .WithMetadata(new ReaderPageAttribute());

    private static void MapFeed(IEndpointRouteBuilder app, string pattern, string name, FeedScope scope, FeedFormat format) =>
        app.MapGet(pattern, async (string? slug, FeedQueries queries, FeedWriter writer, SiteUrls urls, HttpContext context, CancellationToken ct) =>
            {
                var source = await queries.LatestAsync(scope, slug, ct);
                if (source is null)
                {
                    return Results.NotFound();
                }

                var self = new Uri(urls.Route(context, name, new { slug }));
                var bytes = await writer.WriteAsync(source, format, self, context, ct);
                return Results.Bytes(bytes, format == FeedFormat.Rss ? FeedWriter.RssContentType : FeedWriter.AtomContentType);
            })
            .WithName(name)
            .WithMetadata(new ReaderPageAttribute());
}
