using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class ArticleTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private static Article Make(ArticleStatus status, DateTime? publishedAt) =>
        new() { Slug = "a", Title = "A", Status = status, PublishedAt = publishedAt };

    [Fact]
    public void IsPublishedAt_PublishedInThePast_True() =>
        Assert.True(Make(ArticleStatus.Published, Now.AddDays(-1)).IsPublishedAt(Now));

    [Fact]
    public void IsPublishedAt_PublishedExactlyNow_True() =>
        Assert.True(Make(ArticleStatus.Published, Now).IsPublishedAt(Now));

    [Fact]
    public void IsPublishedAt_PublishedInTheFuture_False() =>
        Assert.False(Make(ArticleStatus.Published, Now.AddMinutes(1)).IsPublishedAt(Now));

    [Fact]
    public void IsPublishedAt_DraftWithPastDate_False() =>
        Assert.False(Make(ArticleStatus.Draft, Now.AddDays(-1)).IsPublishedAt(Now));

    [Fact]
    public void IsPublishedAt_PublishedWithoutDate_False() =>
        Assert.False(Make(ArticleStatus.Published, null).IsPublishedAt(Now));

    [Fact]
    public void SetBody_Words_DerivesReadingMinutesAndHash()
    {
        var article = Make(ArticleStatus.Draft, null);

        article.SetBody("body", new ArticleText("body text", 461), "hash");

        Assert.Equal("body", article.Body.Markdown);
        Assert.Equal("body text", article.Body.PlainText);
        Assert.Equal(461, article.WordCount);
        Assert.Equal(3, article.ReadingMinutes);
        Assert.Equal("hash", article.ContentHash);
    }
}
