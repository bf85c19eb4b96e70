using BlogSite.Data;

namespace BlogSite.Tests.Data;

public sealed class BlogChangeMessageTests
{
    public static TheoryData<BlogChange> Changes => new()
    {
        BlogChange.Site,
        new ArticleChanged("reading-go-stack-traces"),
        new ArticleActivityChanged("ef-core-query-counts"),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AChange_ReadsBackAsItWasWritten_WithItsSender(BlogChange change)
    {
        var message = BlogChangeMessage.Write("instance-1", change);

        Assert.Equal(("instance-1", change), BlogChangeMessage.Read(message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("site")]
    [InlineData("|site")]
    [InlineData("a|article")]
    [InlineData("a|article|")]
    [InlineData("a|comment|slug")]
    [InlineData("a|activity|slug|more")]
    public void TextThatIsNotAMessage_ReadsAsNone(string text) => Assert.Null(BlogChangeMessage.Read(text));

    [Fact]
    public void TheLockOfAWork_IsTheSameNumberInEveryProcess()
    {
        // Pinned numbers, not string.GetHashCode (which differs per process): every instance, of every version,
        // must name the same lock, or two would run the work at once.
        Assert.Equal(-3402677253841571177, SiteWork.Key("the content sync"));
        Assert.Equal(5855892902879892480, SiteWork.Key("the migrations"));
    }
}
