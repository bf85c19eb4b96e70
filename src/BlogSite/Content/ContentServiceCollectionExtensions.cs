namespace BlogSite.Content;

public static class ContentServiceCollectionExtensions
{
    public static IServiceCollection AddBlogContent(this IServiceCollection services)
    {
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RenderingOptions>().BindConfiguration(RenderingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CodeHighlighter>();
        services.AddSingleton<RenderSlots>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<CommentRenderer>();
        services.AddScoped<ContentSync>();
        services.AddScoped<ArticleWriter>();
        services.AddScoped<Import.SiteImporter>();
        services.AddHostedService<ContentWatcher>();
        return services;
    }

    /// <summary>Syncs content/ into the store once before the first request.</summary>
    public static async Task SyncBlogContentAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentSync>().SyncAsync(ct);
    }
}
