using System.Globalization;

namespace BlogSite.Web;

/// <summary>
/// An address generated once with a stand-in value and filled in for many: a page that links to a hundred comments,
/// or a sitemap to a thousand articles, asks the router once instead of once a link. Only for values that stand in
/// an address as written: ids, and slugs (lowercase letters, digits and hyphens, <see cref="Domain.Slug"/>).
/// </summary>
public sealed class AddressTemplate
{
    /// <summary>The id to generate the address with; ids of the store are far below it.</summary>
    public const int StandInId = int.MaxValue;

    /// <summary>The slug to generate the address with.</summary>
    public const string StandInSlug = "slug0stand0in";

    private readonly string before;
    private readonly string after;

    private AddressTemplate(string address, string standIn)
    {
        // The last one: an id stand-in in the query comes after a slug that might hold the same digits.
        var at = address.LastIndexOf(standIn, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException($"{address} does not hold {standIn}.", nameof(address));
        }

        (before, after) = (address[..at], address[(at + standIn.Length)..]);
    }

    /// <summary>From an address generated with <see cref="StandInId"/>.</summary>
    public static AddressTemplate ForId(string address) => new(address, StandInId.ToString(CultureInfo.InvariantCulture));

    /// <summary>From an address generated with <see cref="StandInSlug"/>.</summary>
    public static AddressTemplate ForSlug(string address) => new(address, StandInSlug);

    public string With(int id) => string.Concat(before, id.ToString(CultureInfo.InvariantCulture), after);

    /// <summary>The address for <paramref name="slug"/>; anything that is not a slug is escaped as the router would.</summary>
    public string With(string slug) =>
        string.Concat(before, Domain.Slug.IsValid(slug) ? slug : Uri.EscapeDataString(slug), after);
}
