using BlogSite.Data;
using BlogSite.Pages.Search;

namespace BlogSite.Tests.Data;

public sealed class PostgresFullTextIndexTests
{
    [Theory]
    [InlineData("deploy", "('deploy':*)")]
    [InlineData("go", "('go')")]
    [InlineData("go deploy", "('go') & ('deploy':*)")]
    [InlineData("\"rolling out\"", "('rolling' <-> 'out')")]
    public void TsQuery_WordsArePrefixesAsSearchTermsSays_PhrasesAreWordsInARow(string typed, string expected)
    {
        Assert.Equal(expected, PostgresFullTextIndex.TsQuery(SearchTerms.Parse(typed), weight: ""));
    }

    // Whatever is typed is only ever words to the index: tsquery's operators and quotes never get through.
    [Theory]
    [InlineData("it's", "('it' <-> 's')")]
    [InlineData("a & !b | c:* <-> (d)", "('a') & ('b') & ('c') & ('d')")]
    [InlineData("'); DROP TABLE x; --", "('DROP':*) & ('TABLE':*) & ('x')")]
    public void TsQuery_OperatorsAndQuotes_AreNeverQuerySyntax(string typed, string expected)
    {
        Assert.Equal(expected, PostgresFullTextIndex.TsQuery(SearchTerms.Parse(typed), weight: ""));
    }

    [Fact]
    public void TsQuery_ForTheTitle_KeepsEveryWordToWeightA()
    {
        Assert.Equal("('deploy':*A) & ('go':A)", PostgresFullTextIndex.TsQuery(SearchTerms.Parse("deploy go"), weight: "A"));
    }
}
