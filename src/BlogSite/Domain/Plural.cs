using System.Globalization;

namespace BlogSite.Domain;

public static class Plural
{
    /// <summary>"1 view", "0 views", "1,204 views".</summary>
    public static string Count(long count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural)}");
}
