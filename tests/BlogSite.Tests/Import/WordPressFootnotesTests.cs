using System.Text;
using BlogSite.Import;

namespace BlogSite.Tests.Import;

public sealed class WordPressFootnotesTests
{
    // What the block editor stores: references in the content, an empty block, the notes in the post's meta.
    private const string Body = """
        <!-- wp:paragraph -->
        <p>The hedge was laid in March<sup data-fn="e7a0c2d4-1b" class="fn"><a href="#e7a0c2d4-1b" id="e7a0c2d4-1b-link">1</a></sup> and again in May<sup data-fn="9f31-aa" class="fn"><a href="#9f31-aa" id="9f31-aa-link">2</a></sup>.</p>
        <!-- /wp:paragraph -->

        <!-- wp:footnotes /-->

        <!-- wp:paragraph -->
        <p>After the notes.</p>
        <!-- /wp:paragraph -->
        """;

    private const string Meta = """[{"content":"Before the sap <em>rose</em>.","id":"e7a0c2d4-1b"},{"content":"See <a href=\"https://example.com/hedges\">the guide</a>.","id":"9f31-aa"}]""";

    private static string Post(string body, string meta) => $"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <wp:wxr_version>1.2</wp:wxr_version>
          <item>
            <title>Laying the hedge</title>
            <content:encoded><![CDATA[{body}]]></content:encoded>
            <wp:post_id>31</wp:post_id>
            <wp:post_name>laying-the-hedge</wp:post_name>
            <wp:status>publish</wp:status>
            <wp:post_type>post</wp:post_type>
            <wp:post_date_gmt>2024-03-02 10:00:00</wp:post_date_gmt>
            <wp:postmeta>
              <wp:meta_key>footnotes</wp:meta_key>
              <wp:meta_value><![CDATA[{meta}]]></wp:meta_value>
            </wp:postmeta>
          </item>
        </channel>
        </rss>
        """;

    private static Task<ImportedSite> ReadAsync(string xml) =>
        WordPressExport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), CancellationToken.None);

    [Fact]
    public async Task ReadAsync_BlockEditorFootnotes_BecomeMarkdownFootnotes()
    {
        var site = await ReadAsync(Post(Body, Meta));

        var markdown = HtmlToMarkdown.Convert(Assert.Single(site.Articles).Body);

        Assert.Equal(
            "The hedge was laid in March[^1] and again in May[^2].\n\n"
            + "After the notes.\n\n"
            + "[^1]: Before the sap *rose*.\n\n"
            + "[^2]: See [the guide](https://example.com/hedges).\n",
            markdown);
        Assert.Empty(site.Skipped);
    }

    [Fact]
    public void Restore_NoBlock_ListGoesAtTheEnd()
    {
        var body = WordPressFootnotes.Restore("<p>Text<sup data-fn=\"a\"><a href=\"#a\" id=\"a-link\">1</a></sup>.</p>", """[{"id":"a","content":"Note."}]""", out var problem);

        Assert.Null(problem);
        Assert.Equal("Text[^1].\n\n[^1]: Note.\n", HtmlToMarkdown.Convert(body));
    }

    [Fact]
    public void Restore_BlockWithAttributes_IsReplaced()
    {
        var body = WordPressFootnotes.Restore("<p>A</p><!-- wp:footnotes {\"className\":\"is-style-pull\"} /--><p>B</p>", """[{"id":"a","content":"Note."}]""", out _);

        Assert.Equal("<p>A</p><ol class=\"wp-block-footnotes\"><li id=\"a\">Note. <a href=\"#a-link\">↩︎</a></li></ol><p>B</p>", body);
    }

    [Fact]
    public void Restore_IdWithQuotes_IsEncodedInTheAttribute()
    {
        var body = WordPressFootnotes.Restore("", """[{"id":"x\"><script>","content":"Note."}]""", out _);

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("id=\"x&quot;&gt;&lt;script&gt;\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""[{"id":"","content":"No id."}]""")]
    public void Restore_NoNotes_BodyUnchanged(string meta)
    {
        Assert.Equal("<p>A</p><!-- wp:footnotes /-->", WordPressFootnotes.Restore("<p>A</p><!-- wp:footnotes /-->", meta, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public async Task ReadAsync_UnreadableFootnotes_PostKeptWithANote()
    {
        var site = await ReadAsync(Post(Body, "{not json"));

        Assert.Contains("laid in March", Assert.Single(site.Articles).Body, StringComparison.Ordinal);
        var skip = Assert.Single(site.Skipped);
        Assert.Contains("31", skip.Where, StringComparison.Ordinal);
        Assert.Contains("footnotes could not be read", skip.Why, StringComparison.Ordinal);
    }
}
