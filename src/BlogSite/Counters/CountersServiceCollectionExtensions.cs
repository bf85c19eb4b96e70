namespace BlogSite.Counters;

public static class CountersServiceCollectionExtensions
{
    public static IServiceCollection AddViewCounting(this IServiceCollection services)
    {
        services.AddOptions<ViewOptions>().BindConfiguration(ViewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ViewCounter>();
        services.AddSingleton<ViewFlushService>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewFlushService>());
        return services;
    }
}
