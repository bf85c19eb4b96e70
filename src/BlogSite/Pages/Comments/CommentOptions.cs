using System.ComponentModel.DataAnnotations;

namespace BlogSite.Pages.Comments;

public enum CommentPolicy
{
    /// <summary>Comments appear at once; moderators hide them afterwards.</summary>
    PublishImmediately,

    /// <summary>Every comment waits for a moderator's approval.</summary>
    HoldAll,
}

public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    public CommentPolicy Policy { get; init; } = CommentPolicy.PublishImmediately;

    [Range(1, 100_000)]
    public int MaxLength { get; init; } = 10_000;

    [Range(1, Domain.Comment.MaxNameLength)]
    public int MaxNameLength { get; init; } = 80;

    /// <summary>Whole requests larger than this are refused with 413 before they are read.</summary>
    [Range(1_024, 10_000_000)]
    public int MaxRequestBytes { get; init; } = 64 * 1024;

    /// <summary>A form posted sooner than this after it was shown is taken for a bot.</summary>
    [Range(0, 600)]
    public int MinFormAgeSeconds { get; init; } = 3;

    /// <summary>More links than this hold a comment for review.</summary>
    [Range(0, 100)]
    public int MaxLinks { get; init; } = 2;

    /// <summary>Words that hold a comment for review (whole words, any case).</summary>
    public IReadOnlyList<string> Blocklist { get; init; } = [];

    /// <summary>Reports by different readers that hold a published comment for review.</summary>
    [Range(1, 1_000)]
    public int ReportsToHold { get; init; } = 3;

    /// <summary>Comments close this many days after publication; 0 keeps them open.</summary>
    [Range(0, 36_500)]
    public int CloseAfterDays { get; init; }

    /// <summary>
    /// Comments one address may post per window: counted in the store, so the limit holds across instances and
    /// restarts, and as requests per instance in memory (previews and refusals too) before the form is read.
    /// </summary>
    [Range(1, 10_000)]
    public int PostsPerWindow { get; init; } = 5;

    [Range(1, 1_440)]
    public int WindowMinutes { get; init; } = 10;

    /// <summary>Threads (a comment and its replies) on one page of an article's comments.</summary>
    [Range(1, 1_000)]
    public int ThreadsPerPage { get; init; } = 50;

    /// <summary>Replies shown with their thread; a longer thread goes on, this many a page, on pages of its own.</summary>
    [Range(1, 1_000)]
    public int RepliesPerThread { get; init; } = 100;

    /// <summary>
    /// Days each salt of address hashes lasts before the next one is used; every instance must agree on it. A
    /// longer period links one address's comments over a longer time, a shorter one forgets repeat reporters sooner.
    /// </summary>
    [Range(1, 3_650)]
    public int SaltRotationDays { get; init; } = 30;

    /// <summary>The same text from the same address on the same article within this time is refused.</summary>
    [Range(1, 10_080)]
    public int DuplicateWindowMinutes { get; init; } = 60;
}
