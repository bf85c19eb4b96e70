namespace BlogSite.Domain;

public sealed class Article
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public List<Tag> Tags { get; } = [];
    public ArticleBody Body { get; private set; } = new();
    public string AuthorName { get; set; } = "";

    /// <summary>The author's account, when the name matches a user; the name is shown either way.</summary>
    public string? AuthorId { get; set; }
    public ArticleStatus Status { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Views { get; set; }
    public long Hearts { get; set; }
    public int WordCount { get; private set; }
    public int ReadingMinutes { get; private set; }

    /// <summary>A hash of the body: the key under which its rendered HTML is memoised.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>The file under content/ this article came from, if any; the file wins on sync.</summary>
    public string? SourcePath { get; set; }

    /// <summary>A hash of the whole source file, front matter included, to tell when it changed.</summary>
    public string? SourceHash { get; set; }

    /// <summary>The blog and id it was imported from ("wordpress:42"), so importing the same export again finds it.</summary>
    public string? ImportedFrom { get; set; }
    public bool AdsOff { get; set; }
    public bool CommentsClosed { get; set; }

    /// <summary>When the article was moved to the bin, from which an Admin can restore it; until then it is nowhere else.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>True while published with a date still to come: the site shows it from that moment on.</summary>
    public bool IsScheduledAt(DateTime now) => IsScheduled(Status, PublishedAt, now);

    /// <summary>All times are UTC.</summary>
    public bool IsPublishedAt(DateTime now) =>
        Status == ArticleStatus.Published && PublishedAt is { } at && at <= now;

    /// <summary>The rule of <see cref="IsScheduledAt"/>, for lists that read the two columns rather than articles.</summary>
    public static bool IsScheduled(ArticleStatus status, DateTime? publishedAt, DateTime now) =>
        status == ArticleStatus.Published && publishedAt is { } at && at > now;

    /// <summary>
    /// Gives the article <paramref name="slug"/>; true when the old one must keep answering with a 301, which is
    /// when readers could have seen it: the article is published. A draft's or a scheduled article's old slug
    /// was never public.
    /// </summary>
    public bool Rename(string slug, DateTime now)
    {
        var keepOld = Slug != slug && Id != 0 && IsPublishedAt(now);
        Slug = slug;
        return keepOld;
    }

    /// <summary>
    /// Sets the status and the date readers see it from: a date given wins; a published article without one
    /// keeps the date it had, or gets <paramref name="now"/> when first published; a draft without one has none,
    /// so it gets its date when it is published, not when it was first written.
    /// </summary>
    public void SetPublication(ArticleStatus status, DateTime? publishAt, DateTime now)
    {
        Status = status;
        PublishedAt = publishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
            : status == ArticleStatus.Published ? PublishedAt ?? now
            : null;
    }

    /// <summary>
    /// Makes the tags exactly <paramref name="tags"/>, keeping the ones already there: taking a tag
    /// out and putting the same one back would make the store delete the link.
    /// </summary>
    public void SetTags(IEnumerable<Tag> tags)
    {
        var wanted = tags.Distinct().ToList();
        Tags.RemoveAll(tag => !wanted.Contains(tag));
        Tags.AddRange(wanted.Where(tag => !Tags.Contains(tag)));
    }

    /// <summary>Sets the body with what is derived from it, so they never disagree.</summary>
    public void SetBody(string body, ArticleText text, string contentHash)
    {
        Body.Markdown = body;
        Body.PlainText = text.Plain;
        WordCount = text.Words;
        ReadingMinutes = ReadingTime.Of(text.Words);
        ContentHash = contentHash;
    }
}
