using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class DigestScheduleTests
{
    private static readonly DigestSchedule AtSevenOnMondays = new(7, DayOfWeek.Monday);

    private static DateTime At(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(3, 7, 0, 3)]
    [InlineData(3, 12, 30, 3)]
    [InlineData(3, 6, 59, 2)]
    [InlineData(1, 0, 0, 0)]
    public void LatestAt_Daily_IsTheLastSevenOClock(int day, int hour, int minute, int expectedDay)
    {
        var expected = expectedDay == 0 ? new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc) : At(expectedDay, 7);

        Assert.Equal(expected, AtSevenOnMondays.LatestAt(ArticleFrequency.Daily, At(day, hour, minute)));
    }

    [Theory]
    [InlineData(7, 7, 0, 7)]
    [InlineData(7, 6, 59, 0)]
    [InlineData(13, 23, 0, 7)]
    [InlineData(3, 9, 0, 0)]
    public void LatestAt_Weekly_IsTheLastMondayAtSeven(int day, int hour, int minute, int expectedDay)
    {
        // 7 December 2026 is a Monday; the one before is 30 November.
        var expected = expectedDay == 0 ? new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc) : At(expectedDay, 7);

        Assert.Equal(expected, AtSevenOnMondays.LatestAt(ArticleFrequency.Weekly, At(day, hour, minute)));
    }

    [Fact]
    public void LatestAt_EachArticle_IsNull() => Assert.Null(AtSevenOnMondays.LatestAt(ArticleFrequency.EachArticle, At(3, 12)));
}
