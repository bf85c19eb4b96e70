namespace BlogSite.Pages.Comments;

public static class CommentsServiceCollectionExtensions
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CommentQueries>();
        services.AddScoped<CommentCommands>();
        services.AddScoped<CommentEvents>();
        services.AddSingleton<CommentScreening>();
        services.AddSingleton<AddressHasher>();
        return services;
    }
}
