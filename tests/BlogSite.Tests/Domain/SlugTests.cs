using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Héllo, World!", "hello-world")]
    [InlineData("Ça va? Crème brûlée à l'école", "ca-va-creme-brulee-a-l-ecole")]
    [InlineData("Sizing Go worker pools", "sizing-go-worker-pools")]
    [InlineData("C# & .NET 10: what's new?", "c-net-10-what-s-new")]
    [InlineData("  --Leading, trailing & doubled -- separators--  ", "leading-trailing-doubled-separators")]
    [InlineData("ALL CAPS", "all-caps")]
    [InlineData("Ünïcödé Ñame", "unicode-name")]
    public void From_Title_LowerCaseAsciiWithSingleHyphens(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Theory]
    [InlineData("")]
    [InlineData("!!! ??? ...")]
    [InlineData("   ")]
    public void From_NoLettersOrDigits_Empty(string title) =>
        Assert.Equal("", Slug.From(title));

    [Fact]
    public void From_LongerThanMaxLength_CutToMaxLength()
    {
        var slug = Slug.From(new string('a', 300));

        Assert.Equal(Slug.MaxLength, slug.Length);
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void From_CutLandsOnHyphen_NoTrailingHyphen()
    {
        // 119 letters, then a separator at index 119: the cut keeps the hyphen, which must go.
        var slug = Slug.From(new string('a', Slug.MaxLength - 1) + " bbbbbb");

        Assert.Equal(new string('a', Slug.MaxLength - 1), slug);
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("Héllo, World!")]
    [InlineData("Ça va? Crème brûlée")]
    [InlineData("--x--")]
    [InlineData("Ein Überblick über 100 Tests")]
    [InlineData("tabs\tand\nnewlines")]
    public void From_AnyTitleWithLetters_IsValid(string title) =>
        Assert.True(Slug.IsValid(Slug.From(title)), $"Slug.From(\"{title}\") = \"{Slug.From(title)}\" is not valid");

    [Theory]
    [InlineData("hello-world")]
    [InlineData("a")]
    [InlineData("2026-06-01-release-notes")]
    [InlineData("x1-y2-z3")]
    public void IsValid_WellFormed_True(string slug) => Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hello-World")]
    [InlineData("hello--world")]
    [InlineData("-hello")]
    [InlineData("hello-")]
    [InlineData("hello world")]
    [InlineData("hello_world")]
    [InlineData("héllo")]
    [InlineData("hello/world")]
    [InlineData("hello\n")]
    public void IsValid_Malformed_False(string? slug) => Assert.False(Slug.IsValid(slug));

    [Fact]
    public void IsValid_AtMaxLength_True() => Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));

    [Fact]
    public void IsValid_OverMaxLength_False() => Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
}
