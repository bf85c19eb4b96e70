using System.Globalization;
using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class PluralTests
{
    [Theory]
    [InlineData(1, "view", "views", "1 view")]
    [InlineData(0, "view", "views", "0 views")]
    [InlineData(2, "view", "views", "2 views")]
    [InlineData(1, "heart", "hearts", "1 heart")]
    [InlineData(0, "heart", "hearts", "0 hearts")]
    [InlineData(2, "heart", "hearts", "2 hearts")]
    [InlineData(1204, "view", "views", "1,204 views")]
    [InlineData(1_000_000, "view", "views", "1,000,000 views")]
    public void Count_Number_SingularOnlyForOneWithGroupedDigits(long count, string singular, string plural, string expected) =>
        Assert.Equal(expected, Plural.Count(count, singular, plural));

    [Fact]
    public void Count_GermanCurrentCulture_StillCommaGrouped()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1,204 views", Plural.Count(1204, "view", "views"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
