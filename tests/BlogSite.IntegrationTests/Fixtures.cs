namespace BlogSite.IntegrationTests;

/// <summary>Content files the integration tests add to the sample articles, and how to write more.</summary>
public static class Fixtures
{
    public const string DraftSlug = "fixture-draft";
    public const string FutureSlug = "fixture-future";
    public const string AdsOffSlug = "fixture-no-ads";
    public const string HostileSlug = "fixture-hostile";
    public const string DeepSlug = "fixture-deep";
    public const string ShortSlug = "fixture-short";
    public const string BadFile = "fixture-broken.md";
    public const string FixtureCategory = "Fixtures";
    public const int ExtraPublished = 4;

    public static IEnumerable<(string Name, string Text)> All
    {
        get
        {
            yield return (DraftSlug + ".md", File(DraftSlug, "A draft", extra: "draft: true"));
            yield return (FutureSlug + ".md", File(FutureSlug, "From the future", date: "2099-01-01"));
            yield return (AdsOffSlug + ".md", File(AdsOffSlug, "No ads here", extra: "ads: false\ncomments: false"));
            yield return (HostileSlug + ".md", File(HostileSlug, HostileTitle,
                body: "[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n[y](data:text/html;base64,PHNjcmlwdD4=)\n"));
            yield return (DeepSlug + ".md", File(DeepSlug, "Very deep", body: string.Concat(Enumerable.Repeat("> ", 25_000)) + "a\n"));
            yield return (ShortSlug + ".md", File(ShortSlug, "One word", body: "Hello.\n"));
            yield return (BadFile, "---\ntitle: [unclosed\n---\nbody\n");
        }
    }

    public const string HostileTitle = "<script>alert(1)</script> \"><img src=x onerror=alert(1)>";

    public static string File(string slug, string title, string date = "2026-01-02", string extra = "", string? body = null) =>
        "---\n" +
        $"title: '{title.Replace("'", "''", StringComparison.Ordinal)}'\n" +
        $"slug: {slug}\n" +
        "summary: A fixture for the integration tests.\n" +
        $"category: {FixtureCategory}\n" +
        "tags: [fixture]\n" +
        "author: Test Author\n" +
        $"date: {date}\n" +
        extra + "\n" +
        "---\n" +
        (body ?? "Some words for a fixture article.\n");
}
