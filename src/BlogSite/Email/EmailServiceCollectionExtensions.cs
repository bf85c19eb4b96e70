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
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        return services;
    }
}
