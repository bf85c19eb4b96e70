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

    [Fact]
    public void Rename_PublishedArticle_KeepsTheOldSlugAnswering()
    {
        var article = Make(ArticleStatus.Published, Now.AddDays(-1));
        article.Id = 7;

        Assert.True(article.Rename("b", Now));
        Assert.Equal("b", article.Slug);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft, -1)]
    [InlineData(ArticleStatus.Published, 1)]
    public void Rename_ArticleReadersNeverSaw_LeavesNoRedirect(ArticleStatus status, int days)
    {
        var article = Make(status, Now.AddDays(days));
        article.Id = 7;

        Assert.False(article.Rename("b", Now));
    }

    [Fact]
    public void Rename_SameSlugOrNewArticle_LeavesNoRedirect()
    {
        var saved = Make(ArticleStatus.Published, Now.AddDays(-1));
        saved.Id = 7;
        var unsaved = Make(ArticleStatus.Published, Now.AddDays(-1));

        Assert.False(saved.Rename("a", Now));
        Assert.False(unsaved.Rename("b", Now));
    }

    [Fact]
    public void SetPublication_DateGiven_Wins()
    {
        var article = Make(ArticleStatus.Published, Now.AddDays(-9));

        article.SetPublication(ArticleStatus.Published, Now.AddDays(3), Now);

        Assert.Equal(Now.AddDays(3), article.PublishedAt);
        Assert.True(article.IsScheduledAt(Now));
    }

    [Fact]
    public void SetPublication_PublishedWithoutDate_KeepsItsDate_OrGetsNowTheFirstTime()
    {
        var published = Make(ArticleStatus.Published, Now.AddDays(-9));
        var draft = Make(ArticleStatus.Draft, null);

        published.SetPublication(ArticleStatus.Published, null, Now);
        draft.SetPublication(ArticleStatus.Published, null, Now);

        Assert.Equal(Now.AddDays(-9), published.PublishedAt);
        Assert.Equal(Now, draft.PublishedAt);
    }

    [Fact]
    public void SetPublication_DraftWithoutDate_HasNone()
    {
        var article = Make(ArticleStatus.Published, Now.AddDays(-9));

        article.SetPublication(ArticleStatus.Draft, null, Now);

        Assert.Null(article.PublishedAt);
        Assert.False(article.IsPublishedAt(Now));
    }
}
