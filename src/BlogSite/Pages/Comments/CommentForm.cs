namespace BlogSite.Pages.Comments;

/// <summary>What the comment form partial needs: where it posts, what is typed so far, and whether it may embed a token.</summary>
public sealed record CommentForm(
    string Slug,
    CommentInput Input,
    string Started,
    bool EmbedToken,
    string? ReplyToName,
    IReadOnlyDictionary<string, string> Errors,
    int MaxLength);
