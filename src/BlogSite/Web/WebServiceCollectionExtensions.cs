using Microsoft.AspNetCore.HttpOverrides;

namespace BlogSite.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddBlogWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.AddRazorComponents();
        services.AddOutputCache(options => options.AddPolicy(ReaderPageCachePolicy.Name,
            policy => policy.AddPolicy<ReaderPageCachePolicy>(), excludeDefaultPolicy: true));
        services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.ConstraintMap[SlugRouteConstraint.Name] = typeof(SlugRouteConstraint);
        });
        services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedProto);
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdOptions>().BindConfiguration(AdOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
