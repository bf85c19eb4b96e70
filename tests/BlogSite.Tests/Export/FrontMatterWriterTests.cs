using BlogSite.Content;
using BlogSite.Export;

namespace BlogSite.Tests.Export;

public sealed class FrontMatterWriterTests
{
    private static FrontMatter Sample(string title, string summary = "", IReadOnlyList<string>? tags = null) =>
        new(title, "a-slug", summary, "Notes: misc", tags ?? ["c#", "- dash"], "Ada \"A\" Brennan",
            new DateTime(2026, 3, 14, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567), Draft: true, Ads: false, Comments: true,
            ["/2019/05/old-name", "/?p=12"]);

    [Theory]
    [InlineData("Colons: a story")]
    [InlineData("\"Quoted\" and 'single'")]
    [InlineData("# not a comment")]
    [InlineData("- not a list")]
    [InlineData("A line\nand another")]
    [InlineData("Back\\slash, tab\tand --- fence")]
    [InlineData("[not] {a: map} & *alias !tag %dir @at `tick`")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("Ünïcode ✓ and 🎉 and \u2028 separator")]
    public void Write_ParsedBack_GivesTheSameValues(string title)
    {
        var written = Sample(title, summary: title);

        var text = FrontMatterWriter.Write(written, "Body *text*\n\n---\n\nmore");
        var parsed = FrontMatterParser.Parse(text, "fallback");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Empty(parsed.Warnings);
        var read = parsed.FrontMatter!;
        Assert.Equal(written.Title, read.Title);
        Assert.Equal(written.Summary, read.Summary);
        Assert.Equal(written.Slug, read.Slug);
        Assert.Equal(written.Category, read.Category);
        Assert.Equal(written.Tags, read.Tags);
        Assert.Equal(written.Author, read.Author);
        Assert.Equal(written.Date, read.Date);
        Assert.Equal(DateTimeKind.Utc, read.Date!.Value.Kind);
        Assert.Equal(written.Draft, read.Draft);
        Assert.Equal(written.Ads, read.Ads);
        Assert.Equal(written.Comments, read.Comments);
        Assert.Equal(written.Aliases, read.Aliases);
        Assert.Equal("Body *text*\n\n---\n\nmore", parsed.Body);
    }

    [Fact]
    public void Write_NoDateAndNoLists_ReadsBackEmpty()
    {
        var written = new FrontMatter("T", "t", "", "Tech", [], "", null, false, true, true, []);

        var parsed = FrontMatterParser.Parse(FrontMatterWriter.Write(written, ""), "fallback");

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Null(parsed.FrontMatter!.Date);
        Assert.Empty(parsed.FrontMatter.Tags);
        Assert.Empty(parsed.FrontMatter.Aliases);
    }

    [Fact]
    public void Quote_ControlCharacters_AreEscaped()
    {
        Assert.Equal("\"a\\u0001b\\u0085c\"", FrontMatterWriter.Quote("a\u0001b\u0085c"));
        Assert.Equal("\"say \\\"hi\\\"\"", FrontMatterWriter.Quote("say \"hi\""));
    }

    [Fact]
    public void Date_WholeSecond_HasNoFraction() =>
        Assert.Equal("2026-03-14T09:30:00Z", FrontMatterWriter.Date(new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc)));
}
