using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>
/// The site on a network: which proxies are believed about the client's address and scheme, which host names
/// are answered, and HSTS. Cookies are Secure whenever the request is https, which behind a TLS proxy is
/// what X-Forwarded-Proto says.
/// </summary>
public static class NetworkServiceCollectionExtensions
{
    public static IServiceCollection AddBlogNetwork(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, network) =>
        {
            // Only the client's address and scheme: the host always comes from Site:BaseUrl.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in network.Value.TrustedProxies())
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var trusted in network.Value.TrustedNetworks())
            {
                forwarded.KnownIPNetworks.Add(trusted);
            }

            // Walk X-Forwarded-For from the right while each hop is a trusted proxy: the first address that
            // is not one is the client, however many entries the client itself wrote to the left of it.
            forwarded.ForwardLimit = null;
        });

        services.AddOptions<HstsOptions>().Configure<IOptions<NetworkOptions>>((hsts, network) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(network.Value.HstsMaxAgeDays);
            hsts.IncludeSubDomains = network.Value.HstsIncludeSubDomains;
        });

        // Unless the operator listed AllowedHosts, the base URL's host is the only one answered. Runs before the
        // host's own defaults, which fill an empty list from AllowedHosts or with "*" (Development without a base URL).
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration, IOptions<SiteOptions>>((filtering, configuration, site) =>
        {
            if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]) && site.Value.Origin is { } origin)
            {
                filtering.AllowedHosts = [origin.IdnHost];
            }
        });

        services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteBaseUrlValidation>();
        return services;
    }

    /// <summary>Refuses to start without a usable base URL outside Development, naming the key.</summary>
    private sealed class SiteBaseUrlValidation(IHostEnvironment environment) : IValidateOptions<SiteOptions>
    {
        public ValidateOptionsResult Validate(string? name, SiteOptions options) =>
            options.Problem(environment) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
