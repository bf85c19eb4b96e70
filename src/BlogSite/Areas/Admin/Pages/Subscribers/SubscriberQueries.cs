using System.Globalization;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Subscribers;

/// <summary>How many addresses there are: confirmed or waiting, and the confirmed by what they get.</summary>
public sealed record SubscriberCounts(int Confirmed, int Pending, int EachArticle, int Daily, int Weekly, int Replies);

/// <summary>One address as the Admins' list shows it.</summary>
public sealed record SubscriberRow(int Id, string Email, DateTime CreatedAt, DateTime? ConfirmedAt, ArticleFrequency? Articles, int ReplyComments);

public sealed record SubscriberPage(IReadOnlyList<SubscriberRow> Rows, int PageNumber, int TotalPages, SubscriberCounts Counts);

/// <summary>The subscriber list for Admins: counts, a page of addresses newest first, and the whole list as CSV.</summary>
public sealed class SubscriberQueries(BlogDbContext db, IOptions<ReaderMailOptions> options)
{
    // The export reads the list a slice at a time, in address order, so a long list is never held in memory.
    private const int ExportSlice = 1_000;

    /// <summary>Page <paramref name="pageNumber"/>, or null when there is no such page (the first always exists).</summary>
    public async Task<SubscriberPage?> PageAsync(int pageNumber, CancellationToken ct)
    {
        var counts = await CountsAsync(ct);
        var size = options.Value.SubscribersPerPage;
        var total = counts.Confirmed + counts.Pending;
        var pages = Math.Max(1, (total + size - 1) / size);
        if (pageNumber < 1 || pageNumber > pages)
        {
            return null;
        }

        var rows = await Rows(db.ReaderAddresses.OrderByDescending(a => a.Id).Skip((pageNumber - 1) * size).Take(size)).ToListAsync(ct);
        return new SubscriberPage(rows, pageNumber, pages, counts);
    }

    public async Task<SubscriberCounts> CountsAsync(CancellationToken ct)
    {
        var confirmed = await db.ReaderAddresses.CountAsync(a => a.ConfirmedAt != null, ct);
        var pending = await db.ReaderAddresses.CountAsync(a => a.ConfirmedAt == null, ct);
        var byFrequency = await db.ArticleSubscriptions.Where(s => s.ReaderAddress!.ConfirmedAt != null)
            .GroupBy(s => s.Frequency).Select(g => new { Frequency = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Frequency, g => g.Count, ct);
        var replies = await db.ReaderAddresses.CountAsync(a => a.ConfirmedAt != null && db.ReplySubscriptions.Any(s => s.ReaderAddressId == a.Id), ct);
        return new SubscriberCounts(confirmed, pending, byFrequency.GetValueOrDefault(ArticleFrequency.EachArticle),
            byFrequency.GetValueOrDefault(ArticleFrequency.Daily), byFrequency.GetValueOrDefault(ArticleFrequency.Weekly), replies);
    }

    /// <summary>
    /// Every address as CSV (RFC 4180): address, status, asked, confirmed, articles, reply comments. A field that a
    /// spreadsheet would take for a formula (=, +, -, @ first) is written with a leading apostrophe.
    /// </summary>
    public async Task WriteCsvAsync(TextWriter writer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync("email,status,asked_at,confirmed_at,new_articles,reply_comments\r\n");
        var after = 0;
        while (true)
        {
            var slice = await Rows(db.ReaderAddresses.Where(a => a.Id > after).OrderBy(a => a.Id).Take(ExportSlice)).ToListAsync(ct);
            foreach (var row in slice)
            {
                await writer.WriteAsync(string.Join(',',
                    Field(row.Email),
                    row.ConfirmedAt is null ? "pending" : "confirmed",
                    row.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                    row.ConfirmedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    row.Articles switch { ArticleFrequency.EachArticle => "each", ArticleFrequency.Daily => "daily", ArticleFrequency.Weekly => "weekly", _ => "" },
                    row.ReplyComments.ToString(CultureInfo.InvariantCulture)) + "\r\n");
            }

            if (slice.Count < ExportSlice)
            {
                return;
            }

            after = slice[^1].Id;
        }
    }

    private IQueryable<SubscriberRow> Rows(IQueryable<ReaderAddress> addresses) =>
        addresses.Select(a => new SubscriberRow(a.Id, a.Email, a.CreatedAt, a.ConfirmedAt,
            a.ArticleSubscription == null ? null : a.ArticleSubscription.Frequency,
            db.ReplySubscriptions.Count(s => s.ReaderAddressId == a.Id)));

    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.Contains('"', StringComparison.Ordinal) || safe.Contains(',', StringComparison.Ordinal)
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }
}
