namespace BlogSite.Domain;

/// <summary>When digests go out: daily at one hour (UTC), weekly on one day at that hour.</summary>
public sealed record DigestSchedule(int HourUtc, DayOfWeek WeeklyOn)
{
    /// <summary>
    /// The latest digest time of <paramref name="frequency"/> at or before <paramref name="now"/>: the digest of that
    /// time lists what was announced since the subscriber's previous one. Null for <see cref="ArticleFrequency.EachArticle"/>.
    /// </summary>
    public DateTime? LatestAt(ArticleFrequency frequency, DateTime now)
    {
        var today = now.Date.AddHours(HourUtc);
        var daily = today <= now ? today : today.AddDays(-1);
        return frequency switch
        {
            ArticleFrequency.Daily => daily,
            ArticleFrequency.Weekly => daily.AddDays(-(((int)daily.DayOfWeek - (int)WeeklyOn + 7) % 7)),
            _ => null,
        };
    }
}
