using System.Globalization;
using BlogSite.Data;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Archive;

/// <summary>A month of the archive (<see cref="Month"/> is its first day) and how many articles readers see in it.</summary>
public sealed record ArchiveMonthCount(DateOnly Month, int Articles);

/// <summary>A year of the archive, its months newest first.</summary>
public sealed record ArchiveYear(int Year, int Articles, IReadOnlyList<ArchiveMonthCount> Months);

/// <summary>An article as a line of a month's archive page.</summary>
public sealed record ArchiveEntry(string Slug, string Title, DateTime PublishedAt, int ReadingMinutes);

/// <summary>One page of a month's articles, newest first.</summary>
public sealed record ArchiveMonthPage(DateOnly Month, int Articles, IReadOnlyList<ArchiveEntry> Entries, int Page, int TotalPages);

/// <summary>The archive: months with their counts (from <see cref="ArchiveIndex"/>), and each month's articles by page.</summary>
public sealed class ArchiveQueries(BlogDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Every month that holds an article readers see, grouped by year, newest first.</summary>
    public async Task<IReadOnlyList<ArchiveYear>> YearsAsync(CancellationToken ct)
    {
        var months = await CountsAsync(null, ct);
        return months
            .GroupBy(m => m.Month.Year)
            .Select(year => new ArchiveYear(year.Key, year.Sum(m => m.Articles), year.ToList()))
            .ToList();
    }

    /// <summary>A page of the month's articles; null when readers see none in it or the page is past its last.</summary>
    public async Task<ArchiveMonthPage?> MonthAsync(DateOnly month, int page, CancellationToken ct)
    {
        var count = (await CountsAsync(month, ct)).SingleOrDefault()?.Articles ?? 0;
        var totalPages = (count + PageSize - 1) / PageSize;
        if (count == 0 || page > totalPages)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var start = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = start.AddMonths(1);
        var entries = await db.Articles.AsNoTracking().PublishedAt(now)
            .Where(a => a.PublishedAt >= start && a.PublishedAt < end)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new ArchiveEntry(a.Slug, a.Title, a.PublishedAt!.Value, a.ReadingMinutes))
            .ToListAsync(ct);
        return new ArchiveMonthPage(month, count, entries, page, totalPages);
    }

    /// <summary>Readers' counts per month (or of one month), newest first: the stored counts less the scheduled articles.</summary>
    private async Task<List<ArchiveMonthCount>> CountsAsync(DateOnly? only, CancellationToken ct)
    {
        var key = only?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // ArchiveIndex.Table, written out: a table name cannot be a parameter.
        var months = db.Database.SqlQuery<StoredMonth>($"""SELECT "Month", "Articles" FROM "ArchiveMonths" """);
        if (key is not null)
        {
            months = months.Where(m => m.Month == key);
        }

        var stored = await months.OrderByDescending(m => m.Month).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var scheduled = await db.Articles.AsNoTracking().ScheduledAfter(now)
            .Select(a => a.PublishedAt!.Value)
            .ToListAsync(ct);
        var later = scheduled.CountBy(at => new DateOnly(at.Year, at.Month, 1)).ToDictionary();
        return stored
            .Select(m => new ArchiveMonthCount(DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), m.Articles))
            .Select(m => m with { Articles = m.Articles - later.GetValueOrDefault(m.Month) })
            .Where(m => m.Articles > 0)
            .ToList();
    }

    private sealed record StoredMonth(string Month, int Articles);
}
