using BlogSite.Pages.Comments;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Articles;

/// <summary>Everything the article page shows, including what belongs to this reader only.</summary>
public sealed record ArticlePageData(
    ArticleDetails Article,
    IReadOnlyList<CommentView> Comments,
    int CommentCount,
    bool CommentsOpen,
    bool Hearted,
    CommentForm Form,
    AdSlotOptions? AdAbove,
    AdSlotOptions? AdBelow,
    IReadOnlyList<RelatedArticle> Related);

public sealed class ArticlePageQuery(
    ArticleQueries articles,
    CommentQueries comments,
    CommentCommands commentCommands,
    HeartCommands hearts,
    TimeProvider clock,
    IOptions<AdOptions> ads,
    IOptions<CommentOptions> commentOptions)
{
    /// <summary>
    /// The page for <paramref name="slug"/>. A null <paramref name="readerKey"/> renders the page every cookie-less
    /// reader shares; <paramref name="replyTo"/> comes from the "Reply" link that works without JavaScript, and is
    /// dropped unless it names a published comment the reader may answer.
    /// </summary>
    public async Task<ArticlePageData?> LoadAsync(string slug, string? readerKey, int? replyTo, bool embedToken, CancellationToken ct)
    {
        var article = await articles.FindPublishedAsync(slug, ct);
        if (article is null)
        {
            return null;
        }

        var thread = await comments.ListAsync(article.Id, readerKey, ct);
        var hearted = readerKey is not null && await hearts.IsHeartedAsync(article.Id, readerKey, ct);
        var open = commentCommands.IsOpen(article.CommentsClosed, article.PublishedAt, clock.GetUtcNow().UtcDateTime);
        var parent = replyTo is null || !open ? null : thread.Comments.FirstOrDefault(c => c.Id == replyTo && !c.AwaitingModeration);
        var form = new CommentForm(slug, new CommentInput { ParentId = parent?.Id }, commentCommands.StartedStamp(), embedToken,
            parent?.AuthorName, new Dictionary<string, string>(), commentOptions.Value.MaxLength);

        var related = await articles.RelatedAsync(article, ct);
        var showAds = ads.Value.Enabled && !article.AdsOff;
        return new ArticlePageData(article, thread.Comments, thread.PublishedCount, open, hearted, form,
            showAds ? ads.Value.AboveBody : null, showAds ? ads.Value.BelowBody : null, related);
    }
}
