namespace BlogSite.Backups;

public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(StoreFiles.From);
        services.AddSingleton<BackupService>();
        services.AddSingleton<RestoreCommand>();
        services.AddSingleton<SiteLock>();
        services.AddHostedService<BackupScheduler>();
        return services;
    }
}
