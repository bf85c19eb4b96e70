using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(229, 1)]
    [InlineData(230, 1)]
    [InlineData(231, 2)]
    [InlineData(460, 2)]
    [InlineData(461, 3)]
    [InlineData(2300, 10)]
    public void Of_Words_WholeMinutesRoundedUpAtLeastOne(int words, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Of(words));
}
