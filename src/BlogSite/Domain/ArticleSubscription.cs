namespace BlogSite.Domain;

/// <summary>How often a subscriber hears of new articles.</summary>
public enum ArticleFrequency
{
    /// <summary>A message for each article as it is published.</summary>
    EachArticle = 0,

    /// <summary>One message a day listing the day's articles, none on a day without.</summary>
    Daily = 1,

    /// <summary>One message a week listing the week's articles, none in a week without.</summary>
    Weekly = 2,
}

/// <summary>"Get new articles by e-mail": one per address, at the frequency it chose.</summary>
public sealed class ArticleSubscription
{
    public int Id { get; set; }
    public int ReaderAddressId { get; set; }
    public ReaderAddress? ReaderAddress { get; set; }
    public ArticleFrequency Frequency { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// For a digest: articles announced up to this time have been in one (or came before the subscription), so the
    /// next digest lists those announced after it. Null until the address is confirmed, when it starts from then.
    /// </summary>
    public DateTime? DigestedUntil { get; set; }
}
