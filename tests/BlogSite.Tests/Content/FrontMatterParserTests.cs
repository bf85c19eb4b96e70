using BlogSite.Content;

namespace BlogSite.Tests.Content;

public sealed class FrontMatterParserTests
{
    private const string ValidFile = """
        ---
        title: "Sizing Go worker pools: a field guide"
        slug: sizing-go-worker-pools
        summary: How many goroutines is enough?
        category: Tech
        tags: [go, concurrency, Go]
        author: Ana Lima
        date: 2026-06-01T09:30:00+02:00
        draft: false
        ads: false
        comments: true
        ---

        # Body

        Some text.
        """;

    private static string File(string header, string body = "Body text.\n") => $"---\n{header}\n---\n{body}";

    private static string Only(FrontMatterResult result)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.FrontMatter);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_ValidFile_AllFieldsRead()
    {
        var result = FrontMatterParser.Parse(ValidFile, "fallback");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var meta = result.FrontMatter!;
        Assert.Equal("Sizing Go worker pools: a field guide", meta.Title);
        Assert.Equal("sizing-go-worker-pools", meta.Slug);
        Assert.Equal("How many goroutines is enough?", meta.Summary);
        Assert.Equal("Tech", meta.Category);
        Assert.Equal(["go", "concurrency"], meta.Tags);
        Assert.Equal("Ana Lima", meta.Author);
        Assert.Equal(new DateTime(2026, 6, 1, 7, 30, 0, DateTimeKind.Utc), meta.Date);
        Assert.Equal(DateTimeKind.Utc, meta.Date!.Value.Kind);
        Assert.False(meta.Draft);
        Assert.False(meta.Ads);
        Assert.True(meta.Comments);
        Assert.Equal("# Body\n\nSome text.", result.Body);
    }

    [Fact]
    public void Parse_OptionalFieldsMissing_Defaults()
    {
        var result = FrontMatterParser.Parse(File("title: T\ncategory: Tech"), "from-file-name");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var meta = result.FrontMatter!;
        Assert.Equal("from-file-name", meta.Slug);
        Assert.Equal("", meta.Summary);
        Assert.Empty(meta.Tags);
        Assert.Null(meta.Date);
        Assert.False(meta.Draft);
        Assert.True(meta.Ads);
        Assert.True(meta.Comments);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("\ndraft: false", false)]
    public void Parse_DraftByDefault_AppliesOnlyWithoutADraftField(string draftLine, bool expected)
    {
        var result = FrontMatterParser.Parse(File("title: T\ncategory: Tech" + draftLine), "s", draftByDefault: true);

        Assert.Equal(expected, result.FrontMatter!.Draft);
    }

    [Fact]
    public void Parse_SlugInHeader_WinsOverFallback()
    {
        var result = FrontMatterParser.Parse(File("title: T\ncategory: Tech\nslug: chosen"), "from-file-name");

        Assert.Equal("chosen", result.FrontMatter!.Slug);
    }

    [Fact]
    public void Parse_NoSlugAndInvalidFallback_SlugError()
    {
        var error = Only(FrontMatterParser.Parse(File("title: T\ncategory: Tech"), ""));

        Assert.StartsWith("slug:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ByteOrderMark_Valid()
    {
        var result = FrontMatterParser.Parse("\uFEFF" + ValidFile, "fallback");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("Sizing Go worker pools: a field guide", result.FrontMatter!.Title);
    }

    [Fact]
    public void Parse_WindowsLineEndings_Valid()
    {
        var result = FrontMatterParser.Parse(ValidFile.Replace("\n", "\r\n", StringComparison.Ordinal), "fallback");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("sizing-go-worker-pools", result.FrontMatter!.Slug);
        Assert.StartsWith("# Body", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TagsAsCommaSeparatedText_List()
    {
        var result = FrontMatterParser.Parse(File("title: T\ncategory: Tech\ntags: dotnet, testing"), "s");

        Assert.Equal(["dotnet", "testing"], result.FrontMatter!.Tags);
    }

    [Fact]
    public void Parse_DateOnly_MidnightUtc()
    {
        var result = FrontMatterParser.Parse(File("title: T\ncategory: Tech\ndate: 2026-06-01"), "s");

        Assert.Equal(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), result.FrontMatter!.Date);
        Assert.Equal(DateTimeKind.Utc, result.FrontMatter.Date!.Value.Kind);
    }

    [Fact]
    public void Parse_MissingTitle_TitleError() =>
        Assert.StartsWith("title:", Only(FrontMatterParser.Parse(File("category: Tech"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_BlankTitle_TitleError() =>
        Assert.StartsWith("title:", Only(FrontMatterParser.Parse(File("title: \"  \"\ncategory: Tech"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_TitleTooLong_TitleError() =>
        Assert.StartsWith("title:", Only(FrontMatterParser.Parse(File($"title: {new string('t', 201)}\ncategory: Tech"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_TitleIsAList_TitleErrorsOnly()
    {
        var result = FrontMatterParser.Parse(File("title: [a, b]\ncategory: Tech"), "s");

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.StartsWith("title:", e, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("single value", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingCategory_CategoryError() =>
        Assert.StartsWith("category:", Only(FrontMatterParser.Parse(File("title: T"), "s")), StringComparison.Ordinal);

    [Theory]
    [InlineData("Not A Slug")]
    [InlineData("under_score")]
    [InlineData("trailing-")]
    public void Parse_BadSlug_SlugErrorNamesValue(string slug)
    {
        var error = Only(FrontMatterParser.Parse(File($"title: T\ncategory: Tech\nslug: \"{slug}\""), "s"));

        Assert.StartsWith("slug:", error, StringComparison.Ordinal);
        Assert.Contains(slug, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("next tuesday")]
    [InlineData("2026-13-45")]
    public void Parse_BadDate_DateErrorNamesValue(string date)
    {
        var error = Only(FrontMatterParser.Parse(File($"title: T\ncategory: Tech\ndate: {date}"), "s"));

        Assert.StartsWith("date:", error, StringComparison.Ordinal);
        Assert.Contains(date, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("draft", "maybe")]
    [InlineData("ads", "yes")]
    [InlineData("comments", "0")]
    public void Parse_BadBool_ErrorNamesField(string field, string value)
    {
        var error = Only(FrontMatterParser.Parse(File($"title: T\ncategory: Tech\n{field}: {value}"), "s"));

        Assert.StartsWith($"{field}:", error, StringComparison.Ordinal);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TagsNotAList_TagsError() =>
        Assert.StartsWith("tags:", Only(FrontMatterParser.Parse(File("title: T\ncategory: Tech\ntags:\n  go: yes\n  net: no"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_TagWithoutLetters_TagsError() =>
        Assert.StartsWith("tags:", Only(FrontMatterParser.Parse(File("title: T\ncategory: Tech\ntags: [go, '!!!']"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_NoClosingFence_FrontMatterErrorMentionsClosingLine()
    {
        var error = Only(FrontMatterParser.Parse("---\ntitle: T\ncategory: Tech\n\nBody without a closing fence.\n", "s"));

        Assert.StartsWith("front matter:", error, StringComparison.Ordinal);
        Assert.Contains("closing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoFrontMatter_FrontMatterError() =>
        Assert.StartsWith("front matter:", Only(FrontMatterParser.Parse("# Just Markdown\n", "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_InvalidYaml_FrontMatterErrorSaysYaml()
    {
        var error = Only(FrontMatterParser.Parse(File("title: \"unterminated\ncategory: [Tech"), "s"));

        Assert.StartsWith("front matter:", error, StringComparison.Ordinal);
        Assert.Contains("YAML", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderNotAMapping_FrontMatterError() =>
        Assert.StartsWith("front matter:", Only(FrontMatterParser.Parse(File("- just\n- a list"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_SeveralBadFields_EachNamed()
    {
        var result = FrontMatterParser.Parse(File("slug: Bad Slug\ndate: soon\ndraft: perhaps"), "s");

        Assert.False(result.IsValid);
        var fields = result.Errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal);
        Assert.Equal(["category", "date", "draft", "slug", "title"], fields);
    }

    /// <summary>Billion laughs: each line lists the one before nine times, so twelve lines stand for 9^12 nodes in 2 KB.</summary>
    internal static string AliasBomb(int levels = 12)
    {
        var lines = new List<string> { "title: Laughs", "category: Tech", "a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < levels; i++)
        {
            var previous = $"*a{i - 1}";
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(previous, 9))}]");
        }

        return File(string.Join('\n', lines));
    }

    [Fact]
    public void Parse_AliasBomb_RefusedQuickly_NamingTheLine()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Only(FrontMatterParser.Parse(AliasBomb(), "laughs"));

        // Expanding the aliases would hold a core for good; the bound is loose for a busy machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal("line 4: YAML anchors and aliases (&a0, *a0) are not allowed in front matter", error);
    }

    [Theory]
    [InlineData("title: &t Hello\ncategory: Tech", "line 2: YAML anchors and aliases (&t, *t)")]
    [InlineData("title: Hello\ncategory: Tech\ntags: [*t]", "line 4: YAML anchors and aliases (&t, *t)")]
    [InlineData("title: Hello\ncategory: Tech\nextra: &m {a: 1}", "line 4: YAML anchors and aliases (&m, *m)")]
    public void Parse_AnchorOrAlias_Refused(string header, string message) =>
        Assert.StartsWith(message, Only(FrontMatterParser.Parse(File(header), "x")), StringComparison.Ordinal);

    [Fact]
    public void Parse_DeeplyNestedHeader_RefusedNamingTheLine()
    {
        var header = "title: Hello\ncategory: Tech\ntags: " + new string('[', 5_000) + new string(']', 5_000);

        var error = Only(FrontMatterParser.Parse(File(header), "x"));

        Assert.Equal($"line 4: front matter is nested more than {FrontMatterParser.MaxNestingDepth} levels deep; use plain 'key: value' fields and simple lists", error);
    }

    [Fact]
    public void Parse_HeaderOverTheSizeLimit_Refused()
    {
        var header = "title: Hello\ncategory: Tech\nsummary: " + new string('s', FrontMatterParser.MaxHeaderCharacters);

        Assert.StartsWith("front matter: ", Only(FrontMatterParser.Parse(File(header), "x")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListInAField_StillAllowed() =>
        Assert.True(FrontMatterParser.Parse(File("title: Hello\ncategory: Tech\ntags:\n  - one\n  - two"), "x").IsValid);

    [Fact]
    public void Parse_UnknownField_WarnsByName_AndKeepsTheRest()
    {
        var result = FrontMatterParser.Parse(File("title: T\ncategory: Tech\ndraf: true"), "s");

        Assert.True(result.IsValid);
        Assert.False(result.FrontMatter!.Draft);
        Assert.StartsWith("draf: not a front matter field", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KnownFields_NoWarnings() =>
        Assert.Empty(FrontMatterParser.Parse(File("title: T\ncategory: Tech\ndraft: false\naliases: [/old/]"), "s").Warnings);

    [Fact]
    public void Parse_Aliases_AsListOrOneValue()
    {
        Assert.Equal(["/2019/05/old/", "/older"], FrontMatterParser.Parse(File("title: T\ncategory: Tech\naliases: [/2019/05/old/, /older]"), "s").FrontMatter!.Aliases);
        Assert.Equal(["/old"], FrontMatterParser.Parse(File("title: T\ncategory: Tech\naliases: /old"), "s").FrontMatter!.Aliases);
    }

    [Fact]
    public void Parse_AliasNotAPath_AliasesError() =>
        Assert.StartsWith("aliases:", Only(FrontMatterParser.Parse(File("title: T\ncategory: Tech\naliases: [old-name]"), "s")), StringComparison.Ordinal);

    [Fact]
    public void Parse_MoreTagsThanAnArticleTakes_TagsError() =>
        Assert.StartsWith("tags:", Only(FrontMatterParser.Parse(File($"title: T\ncategory: Tech\ntags: [{string.Join(", ", Enumerable.Range(1, 11).Select(i => $"t{i}"))}]"), "s")), StringComparison.Ordinal);
}

