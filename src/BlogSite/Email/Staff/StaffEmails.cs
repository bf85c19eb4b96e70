namespace BlogSite.Email.Staff;

/// <summary>A comment as a staff message quotes it: its Markdown for the text part, the comment pipeline's HTML for the other.</summary>
public sealed record QuotedComment(string ArticleTitle, string AuthorName, string Markdown, string Html);

public sealed record NewComment(QuotedComment Comment, string CommentUrl);

/// <summary>To an article's author who asked to be told of new comments on their articles.</summary>
public sealed class NewCommentEmail : IEmailTemplate<NewComment>
{
    public const string KindName = "new-comment";

    public string Kind => KindName;

    public string Subject(NewComment model) => $"New comment on “{model.Comment.ArticleTitle}”";

    public void Write(EmailBody body, NewComment model)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(model);
        body.Paragraph($"{model.Comment.AuthorName} commented on your article “{model.Comment.ArticleTitle}”:")
            .Quote(model.Comment.Markdown, model.Comment.Html)
            .Link("Read it on the site", model.CommentUrl)
            .Note("You get this because you asked to be told of new comments on your articles. Turn it off with the link below or in your account's notification settings.");
    }
}

public sealed record ActionLink(string Label, string Url);

public sealed record ModerationNeeded(QuotedComment Comment, bool Held, string Reason, IReadOnlyList<ActionLink> Actions, string QueueUrl, int LinkHours);

/// <summary>To a moderator who asked to be told when a comment is held or reported, with links to act on it.</summary>
public sealed class ModerationNeededEmail : IEmailTemplate<ModerationNeeded>
{
    /// <summary>For a comment held for review: by screening when posted, or by enough reports.</summary>
    public static readonly ModerationNeededEmail Held = new("comment-held");

    /// <summary>For a published comment's first report.</summary>
    public static readonly ModerationNeededEmail Reported = new("comment-reported");

    private ModerationNeededEmail(string kind) => Kind = kind;

    public string Kind { get; }

    public string Subject(ModerationNeeded model) => model.Held
        ? $"A comment waits for moderation on “{model.Comment.ArticleTitle}”"
        : $"A comment was reported on “{model.Comment.ArticleTitle}”";

    public void Write(EmailBody body, ModerationNeeded model)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(model);
        body.Paragraph(model.Held
                ? $"{model.Comment.AuthorName}'s comment on “{model.Comment.ArticleTitle}” is held for review. {model.Reason}."
                : $"A reader reported {model.Comment.AuthorName}'s comment on “{model.Comment.ArticleTitle}”. It stays published until a moderator acts on it or more readers report it.")
            .Quote(model.Comment.Markdown, model.Comment.Html);
        foreach (var action in model.Actions)
        {
            body.Link(action.Label, action.Url);
        }

        body.Link("Open it in the moderation queue", model.QueueUrl)
            .Note($"Each action link opens a page that asks you to confirm. The links work once, for {model.LinkHours} hours, and only until someone moderates the comment; anyone with this message can use them, so don't forward it.")
            .Note("You get this because you asked to be told when a comment is held or reported. Turn it off with the link below or in your account's notification settings.");
    }
}
