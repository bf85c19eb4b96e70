using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class ArticleRulesTests
{
    private static ArticleDraft Draft(string title = "A title", string category = "Notes", string? slug = null) =>
        new() { Title = title, Category = category, Slug = slug };

    [Fact]
    public void Check_ValidDraft_NoProblems() =>
        Assert.Empty(ArticleRules.Check(Draft() with { Tags = ["go", "Go", " ", "testing"], Aliases = ["/2019/05/a-title/"] }));

    [Fact]
    public void Check_EveryBrokenField_IsNamed()
    {
        var problems = ArticleRules.Check(new ArticleDraft
        {
            Title = " ",
            Slug = "Not A Slug",
            Summary = new string('s', Article.MaxSummaryLength + 1),
            Category = "!!!",
            Tags = Enumerable.Range(1, ArticleRules.MaxTags + 1).Select(i => $"tag {i}").ToList(),
            Body = new string('b', ArticleRules.MaxBodyLength + 1),
            Aliases = ["ftp://old.example/a"],
        });

        Assert.Equal(
            [nameof(ArticleDraft.Aliases), nameof(ArticleDraft.Body), nameof(ArticleDraft.Category), nameof(ArticleDraft.Slug),
             nameof(ArticleDraft.Summary), nameof(ArticleDraft.Tags), nameof(ArticleDraft.Title)],
            problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Not A Slug", problems[nameof(ArticleDraft.Slug)], StringComparison.Ordinal);
        Assert.Contains("11", problems[nameof(ArticleDraft.Tags)], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TagsThatMakeOneSlug_CountOnce() =>
        Assert.Empty(ArticleRules.Check(Draft() with { Tags = [.. Enumerable.Repeat("Go", 20), "go", "GO"] }));

    [Fact]
    public void Check_LongTag_SameLimitAsTheStore()
    {
        Assert.Empty(ArticleRules.Check(Draft() with { Tags = [new string('t', Tag.MaxNameLength)] }));
        Assert.Contains(nameof(ArticleDraft.Tags), ArticleRules.Check(Draft() with { Tags = [new string('t', Tag.MaxNameLength + 1)] }).Keys);
    }

    [Fact]
    public void SlugOf_NoSlug_MadeFromTheTitle() =>
        Assert.Equal("hello-go-world", ArticleRules.SlugOf(Draft(title: "Hello, Go world!")));

    [Theory]
    [InlineData("/2019/05/14/old-post/", "/2019/05/14/old-post")]
    [InlineData("/old-post", "/old-post")]
    [InlineData("https://old.example/2019/caf%C3%A9/", "/2019/café")]
    [InlineData("/caf%C3%A9", "/café")]
    [InlineData("/?p=101", "/?p=101")]
    public void AliasPath_Normalised(string alias, string expected) =>
        Assert.Equal(expected, ArticleRules.AliasPath(alias));

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("old-post")]
    [InlineData("//evil.example/x")]
    [InlineData("/a/../b")]
    [InlineData("/a?p=1")]
    [InlineData("/?p=abc")]
    [InlineData("/?page_id=3")]
    [InlineData("/a#top")]
    [InlineData("/a b")]
    [InlineData("ftp://old.example/a")]
    public void AliasPath_NotAPathOfThisSite_Null(string alias) =>
        Assert.Null(ArticleRules.AliasPath(alias));
}
