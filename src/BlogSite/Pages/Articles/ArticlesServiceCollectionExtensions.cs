namespace BlogSite.Pages.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticlePages(this IServiceCollection services)
    {
        services.AddOptions<ListOptions>().BindConfiguration(ListOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ArticlePageQuery>();
        services.AddScoped<Archive.ArchiveQueries>();
        services.AddScoped<HeartCommands>();
        services.AddOptions<Search.SearchOptions>().BindConfiguration(Search.SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Search.SearchQueries>();
        services.AddSingleton<Search.SearchRateLimit>();
        services.AddSingleton<Shared.CategoryNavigation>();
        services.AddSingleton<Data.IBlogChangeListener>(provider => provider.GetRequiredService<Shared.CategoryNavigation>());
        return services;
    }
}
