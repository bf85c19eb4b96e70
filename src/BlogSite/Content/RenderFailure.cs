using System.Globalization;

namespace BlogSite.Content;

/// <summary>Why Markdown was not turned into HTML. Every path says the same thing about each.</summary>
public enum RenderFailure
{
    /// <summary>Nested past Markdig's depth limit (it refuses such input when parsing or when writing HTML).</summary>
    TooDeep,

    /// <summary>The HTML would be longer than the limit (e.g. one reference link used thousands of times).</summary>
    TooLarge,

    /// <summary>The render ran past its time limit.</summary>
    TooSlow,

    /// <summary>Every render slot was taken.</summary>
    Busy,
}

/// <summary>The words for each <see cref="RenderFailure"/>: a notice for readers, and advice for the person who wrote the text.</summary>
public static class RenderFailures
{
    /// <summary>What an article page says above the source text it shows instead.</summary>
    public static string ArticleNotice(RenderFailure failure) => failure switch
    {
        RenderFailure.TooDeep => "This article is nested too deeply to format, so here is its source text.",
        RenderFailure.TooLarge => "This article would be too long once formatted, so here is its source text.",
        RenderFailure.TooSlow => "This article is taking too long to format, so here is its source text.",
        _ => "Many pages are being formatted right now, so here is this article's source text; reload in a moment to see it formatted.",
    };

    /// <summary>What to change, for the writer of <paramref name="subject"/> ("Your comment", "This article") that could not be formatted.</summary>
    public static string Advice(RenderFailure failure, string subject, int maxHtmlCharacters) => failure switch
    {
        RenderFailure.TooDeep =>
            $"{subject} is nested too deeply to format: hundreds of '>', '[', list markers or emphasis marks inside each other. Remove most of the nesting and try again.",
        RenderFailure.TooLarge => string.Create(CultureInfo.InvariantCulture,
            $"{subject} would be over {maxHtmlCharacters:N0} characters once formatted, usually because one link or reference is repeated many times. Shorten it and try again."),
        RenderFailure.TooSlow =>
            $"{subject} took too long to format. Simplify its formatting (fewer nested brackets, emphasis marks or quotes) and try again.",
        _ => "The site is busy formatting other text right now. Wait a few seconds and try again.",
    };
}
