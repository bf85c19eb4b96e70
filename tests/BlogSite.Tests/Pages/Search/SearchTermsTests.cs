using BlogSite.Pages.Search;

namespace BlogSite.Tests.Pages.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("compost", "\"compost\"*")]
    [InlineData("  compost   rain ", "\"compost\"* \"rain\"*")]
    [InlineData("\"compost heap\" rain", "\"compost heap\" \"rain\"*")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("title:compost", "\"title:compost\"*")]
    [InlineData("NEAR(a b)", "\"NEAR(a\"* \"b)\"")]
    [InlineData("compost AND OR NOT", "\"compost\"* \"AND\"* \"OR\" \"NOT\"*")]
    [InlineData("C# .NET", "\"C#\" \".NET\"*")]
    [InlineData("go ef ci2 api", "\"go\" \"ef\" \"ci2\"* \"api\"*")]
    public void Parse_EveryTermIsAQuotedString(string query, string match) =>
        Assert.Equal(match, SearchTerms.Parse(query).Match);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("* ( ) ^ - : ' \" !")]
    public void Parse_NoLetterOrDigit_IsEmpty(string query)
    {
        var terms = SearchTerms.Parse(query);

        Assert.True(terms.IsEmpty);
        Assert.Equal("", terms.Match);
    }

    [Fact]
    public void Parse_ManyWords_KeepsTheFirstTwelve()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Range(1, 30).Select(i => "w" + i)));

        Assert.Equal(SearchTerms.MaxTerms, terms.Terms.Count);
        Assert.Equal("w12", terms.Terms[^1]);
    }

    [Fact]
    public void Parse_QuoteInsideAWord_SplitsThePhrase()
    {
        // A quote can never end up inside an FTS5 string, where it would close it.
        var terms = SearchTerms.Parse("a\"b\"c");

        Assert.Equal(["a", "b", "c"], terms.Terms);
        Assert.Equal("\"a\" \"b\" \"c\"", terms.Match);
    }
}
