using BlogSite.Pages.Comments;
using BlogSite.Subscriptions;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Articles;

/// <summary>Everything the article page shows, including what belongs to this reader only.</summary>
public sealed record ArticlePageData(
    ArticleDetails Article,
    CommentPage Comments,
    bool CommentsOpen,
    bool Hearted,
    CommentForm Form,
    AdSlotOptions? AdAbove,
    AdSlotOptions? AdBelow,
    IReadOnlyList<RelatedArticle> Related);

/// <summary>The article page, or why there is none: no such article, or no such page of its comments.</summary>
public sealed record ArticlePageResult(ArticlePageData? Data, bool CommentPageMissing = false)
{
    public static readonly ArticlePageResult NoArticle = new(Data: null);
    public static readonly ArticlePageResult NoCommentPage = new(Data: null, CommentPageMissing: true);
}

public sealed class ArticlePageQuery(
    ArticleQueries articles,
    CommentQueries comments,
    CommentCommands commentCommands,
    HeartCommands hearts,
    TimeProvider clock,
    IOptions<AdOptions> ads,
    IOptions<CommentOptions> commentOptions,
    ReplySubscriptions replies)
{
    /// <summary>
    /// The page for <paramref name="slug"/>, or <see cref="ArticlePageResult.NoArticle"/>. A null <paramref name="readerKey"/>
    /// renders the page every cookie-less reader shares; <paramref name="replyTo"/> comes from the "Reply" link that works
    /// without JavaScript, shows the comment page that holds that comment, and is dropped unless it names a published
    /// comment the reader may answer. <paramref name="commentPage"/> and <paramref name="thread"/> pick the page of
    /// comments (<see cref="CommentQueries"/>); a page that does not exist is <see cref="ArticlePageResult.NoCommentPage"/>.
    /// </summary>
    public async Task<ArticlePageResult> LoadAsync(
        string slug, string? readerKey, int? replyTo, int? commentPage, int? thread, bool embedToken, CancellationToken ct)
    {
        var article = await articles.FindPublishedAsync(slug, ct);
        if (article is null)
        {
            return ArticlePageResult.NoArticle;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (replyTo is { } answered && await comments.LocateAsync(answered, readerKey, ct) is { Thread: null } place && place.Slug == slug)
        {
            (commentPage, thread) = (place.Page, null);
        }

        var page = await comments.PageAsync(article.Id, readerKey, commentPage ?? 1, thread, ct);
        if (page is null)
        {
            return ArticlePageResult.NoCommentPage;
        }

        var hearted = readerKey is not null && await hearts.IsHeartedAsync(article.Id, readerKey, ct);
        var open = commentCommands.IsOpen(article.CommentsClosed, article.PublishedAt, now);
        var parent = replyTo is null || !open ? null : page.Comments.FirstOrDefault(c => c.Id == replyTo && !c.AwaitingModeration);
        var form = new CommentForm(slug, new CommentInput { ParentId = parent?.Id }, commentCommands.StartedStamp(), embedToken,
            parent?.AuthorName, new Dictionary<string, string>(), commentOptions.Value.MaxLength, replies.Offered);

        var related = await articles.RelatedAsync(article, ct);
        var showAds = ads.Value.Enabled && !article.AdsOff;
        return new ArticlePageResult(new ArticlePageData(article, page, open, hearted, form,
            showAds ? ads.Value.AboveBody : null, showAds ? ads.Value.BelowBody : null, related));
    }

    /// <summary>Where comment <paramref name="commentId"/> shows for this reader; null when they may not see it.</summary>
    public Task<CommentPlace?> LocateCommentAsync(int commentId, string? readerKey, CancellationToken ct) =>
        comments.LocateAsync(commentId, readerKey, ct);
}
