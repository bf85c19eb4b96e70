namespace BlogSite.Pages.Comments;

/// <summary>
/// What the comment form partial needs: where it posts, what is typed so far, whether it may embed a token, and whether
/// it offers "E-mail me when someone replies" (while the site sends e-mail).
/// </summary>
public sealed record CommentForm(
    string Slug,
    CommentInput Input,
    string Started,
    bool EmbedToken,
    string? ReplyToName,
    IReadOnlyDictionary<string, string> Errors,
    int MaxLength,
    bool OffersReplyMail);
