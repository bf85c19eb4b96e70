using BlogSite.Email.Staff;
using BlogSite.Pages.Comments;
using BlogSite.Pages.Email;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddBlogEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        // Every interceptor in the container applies to the store's contexts (see AddBlogData).
        services.AddSingleton<IInterceptor, OutboxInterceptor>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<SmtpMailer>();
        services.AddScoped<OutboxLedger>();
        services.AddHttpContextAccessor();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<Unsubscribes>();
        services.AddSingleton<EmailLinkLimiter>();
        services.AddScoped<EmailModeration>();

        // Staff notifications: the messages, what ends them, and the links moderators act from.
        services.AddScoped<ICommentListener, StaffNotifier>();
        services.AddScoped<IUnsubscribeHandler, StaffCommentsUnsubscribe>();
        services.AddScoped<IUnsubscribeHandler, StaffModerationUnsubscribe>();
        services.AddSingleton<ModerationLinks>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        return services;
    }
}
