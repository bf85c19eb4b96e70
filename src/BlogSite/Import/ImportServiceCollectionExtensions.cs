namespace BlogSite.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Storing an export's images; the importer itself is registered with the content services it writes through.</summary>
    public static IServiceCollection AddBlogImport(this IServiceCollection services)
    {
        services.AddScoped<ImportMedia>();
        return services;
    }
}
