using BlogSite.Accounts;
using BlogSite.Data;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BlogSite.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddBlogWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // Razor Pages validate the antiforgery token on every POST by default; pages opt out only to validate it themselves.
            options.Conventions.AuthorizeAreaFolder("Admin", "/", AccountServiceCollectionExtensions.StaffPolicy);
            options.Conventions.AuthorizeAreaFolder("Admin", "/Comments", AccountServiceCollectionExtensions.ModeratePolicy);
            options.Conventions.AuthorizeAreaFolder("Admin", "/Users", AccountServiceCollectionExtensions.AdministerPolicy);
            options.Conventions.AuthorizeAreaFolder("Admin", "/Email", AccountServiceCollectionExtensions.AdministerPolicy);
            options.Conventions.AuthorizeAreaFolder("Admin", "/Articles", AccountServiceCollectionExtensions.WritePolicy);
            options.Conventions.AuthorizeAreaFolder("Admin", "/Images", AccountServiceCollectionExtensions.WritePolicy);
            options.Conventions.AuthorizeFolder("/Account/Manage");
        }).AddMvcOptions(options => options.Filters.Add<StorageFullPageFilter>());
        services.AddRazorComponents();
        services.AddSingleton<ReaderPageCache>();
        services.AddSingleton<IBlogChangeListener>(provider => provider.GetRequiredService<ReaderPageCache>());
        services.AddOptions<ReaderPageCacheOptions>().BindConfiguration(ReaderPageCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddResponseCompression(options =>
        {
            // Only reader pages reach it (see UseBlogPipeline), and they hold no secret to leak.
            options.EnableForHttps = true;
            // Misses only, at gzip's fastest level: hits are sent from the copy the page cache gzipped once.
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.AddSingleton<SiteUrls>();
        services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.ConstraintMap[SlugRouteConstraint.Name] = typeof(SlugRouteConstraint);
        });
        // A crafted search link of 10,000 characters gets the search page's answer, not Kestrel's bare 414.
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestLineSize = 64 * 1024);
        services.AddBlogNetwork();
        services.AddBlogRateLimits();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdOptions>().BindConfiguration(AdOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
