using BlogSite.Data;
using BlogSite.Email;

namespace BlogSite.Subscriptions;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>Reply notifications and new-article subscriptions: the confirmation gate, the commands, and the work that sends.</summary>
    public static IServiceCollection AddReaderMail(this IServiceCollection services)
    {
        services.AddOptions<ReaderMailOptions>().BindConfiguration(ReaderMailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReaderAddressGate>();
        services.AddScoped<SubscriptionCommands>();
        services.AddScoped<ReplySubscriptions>();
        services.AddScoped<SubscriptionRemoval>();
        services.AddScoped<Areas.Admin.Pages.Subscribers.SubscriberQueries>();
        services.AddSingleton<Pages.Email.SubscribeRateLimit>();

        services.AddScoped<Pages.Comments.ICommentListener, ReplyNotifier>();
        services.AddScoped<ArticleAnnouncer>();
        services.AddScoped<DigestSender>();
        services.AddScoped<ReaderAddressCleanup>();
        services.AddSingleton<ReaderMailWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ReaderMailWorker>());
        services.AddSingleton<IBlogChangeListener>(provider => provider.GetRequiredService<ReaderMailWorker>());

        services.AddScoped<IUnsubscribeHandler, ReplyThreadUnsubscribe>();
        services.AddScoped<IUnsubscribeHandler, RepliesUnsubscribe>();
        services.AddScoped<IUnsubscribeHandler, ArticlesUnsubscribe>();
        services.AddScoped<IUnsubscribeHandler, AddressUnsubscribe>();
        return services;
    }
}
