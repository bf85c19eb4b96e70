using BlogSite.Data;

namespace BlogSite.Backups;

public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        if (!DatabaseOptions.ReadStore(configuration).IsSqlite)
        {
            services.AddSingleton(provider => new SiteLock(null, provider.GetRequiredService<ILogger<SiteLock>>()));
            services.AddHostedService<PostgresBackupNotice>();
            return services;
        }

        services.AddSingleton(StoreFiles.From);
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreCommand>();
        services.AddSingleton(provider => new SiteLock(provider.GetRequiredService<StoreFiles>(), provider.GetRequiredService<ILogger<SiteLock>>()));
        services.AddHostedService<BackupScheduler>();
        return services;
    }
}
