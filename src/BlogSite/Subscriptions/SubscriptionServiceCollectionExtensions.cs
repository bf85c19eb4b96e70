namespace BlogSite.Subscriptions;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>Reply notifications and new-article subscriptions: the confirmation gate, the commands, and the work that sends.</summary>
    public static IServiceCollection AddReaderMail(this IServiceCollection services)
    {
        services.AddOptions<ReaderMailOptions>().BindConfiguration(ReaderMailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReaderMailLinks>();
        services.AddScoped<ReaderAddressGate>();
        return services;
    }
}
