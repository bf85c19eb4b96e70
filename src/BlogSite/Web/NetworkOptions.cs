using System.ComponentModel.DataAnnotations;
using System.Net;

namespace BlogSite.Web;

/// <summary>
/// Where requests come from: the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed, and how
/// long browsers are told to use https only (HSTS).
/// </summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string SectionName = "Network";

    /// <summary>Proxy addresses trusted to say who the client is; neither list set: loopback only.</summary>
    public string[]? KnownProxies { get; init; }

    /// <summary>Proxy networks in CIDR form (10.0.0.0/8) trusted like <see cref="KnownProxies"/>.</summary>
    public string[]? KnownNetworks { get; init; }

    /// <summary>How long a browser that saw the site over https keeps to https; 0 sends no HSTS header.</summary>
    [Range(0, 3650)]
    public int HstsMaxAgeDays { get; init; } = 365;

    /// <summary>Whether HSTS also binds every subdomain: only for a domain whose subdomains all serve https.</summary>
    public bool HstsIncludeSubDomains { get; init; }

    public IReadOnlyList<IPAddress> TrustedProxies() =>
        KnownProxies is null && KnownNetworks is null
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : [.. (KnownProxies ?? []).Select(IPAddress.Parse)];

    public IReadOnlyList<IPNetwork> TrustedNetworks() => [.. (KnownNetworks ?? []).Select(n => IPNetwork.Parse(n))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies ?? [])
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
            }
        }

        foreach (var network in KnownNetworks ?? [])
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult($"'{network}' is not a network in CIDR form such as 10.0.0.0/8.", [nameof(KnownNetworks)]);
            }
        }
    }
}
