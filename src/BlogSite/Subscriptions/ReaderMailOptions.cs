using System.ComponentModel.DataAnnotations;

namespace BlogSite.Subscriptions;

/// <summary>Reply notifications and new-article subscriptions: what readers may ask for and how the site answers.</summary>
public sealed class ReaderMailOptions
{
    public const string SectionName = "Email:Readers";

    /// <summary>
    /// An unconfirmed address gets no second confirmation within this many hours, however often it is typed into a
    /// form: someone who types a stranger's address can cause one message a window, no more.
    /// </summary>
    [Range(1, 8_760)]
    public int ConfirmationWindowHours { get; init; } = 24;

    /// <summary>An address never confirmed is forgotten, with what was asked for it, after this many days.</summary>
    [Range(1, 365)]
    public int UnconfirmedDays { get; init; } = 7;

    /// <summary>
    /// Confirmations one client address may cause per <see cref="RequesterWindowMinutes"/>, counted in the store
    /// (by its salted hash), so that neither a restart nor another instance starts the count again.
    /// </summary>
    [Range(1, 10_000)]
    public int ConfirmationsPerRequester { get; init; } = 5;

    /// <summary>Subscription requests one client address may make per <see cref="RequesterWindowMinutes"/>, counted in memory before the form is read.</summary>
    [Range(1, 10_000)]
    public int RequestsPerRequester { get; init; } = 10;

    [Range(1, 1_440)]
    public int RequesterWindowMinutes { get; init; } = 60;

    /// <summary>Messages queued in one transaction when an article is announced or a digest is due; the rest follow in the next.</summary>
    [Range(1, 5_000)]
    public int BatchSize { get; init; } = 200;

    /// <summary>How often the site looks for replies to tell of, articles that came due and digests that are due.</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; init; } = 30;

    /// <summary>
    /// An article is announced when it becomes visible within this many days of its date: one imported, back-dated or
    /// visible since before subscriptions began is not news. A site down longer than this misses announcing what came due.
    /// </summary>
    [Range(1, 365)]
    public int AnnounceWithinDays { get; init; } = 3;

    /// <summary>The hour (UTC) daily digests go out, and weekly ones on <see cref="WeeklyDigestDay"/>.</summary>
    [Range(0, 23)]
    public int DigestHourUtc { get; init; } = 7;

    public DayOfWeek WeeklyDigestDay { get; init; } = DayOfWeek.Monday;

    /// <summary>Articles one digest lists; past it, the digest links to the site for the rest.</summary>
    [Range(1, 500)]
    public int MaxArticlesPerDigest { get; init; } = 30;

    /// <summary>Subscribers on one page of /admin/subscribers.</summary>
    [Range(10, 1_000)]
    public int SubscribersPerPage { get; init; } = 50;
}
