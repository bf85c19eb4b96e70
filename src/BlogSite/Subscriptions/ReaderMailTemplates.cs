using BlogSite.Domain;
using BlogSite.Email;

namespace BlogSite.Subscriptions;

/// <summary>
/// The confirmation: the one message an address gets until its owner says it asked. <c>Asked</c> is what was asked
/// for, as the end of "asked for …": "new articles by e-mail, as a daily digest".
/// </summary>
public sealed record ConfirmationModel(string Asked, string ConfirmUrl, int ForgottenAfterDays);

public sealed class ConfirmationTemplate : IEmailTemplate<ConfirmationModel>
{
    public string Kind => "reader-confirm";

    public string Subject(ConfirmationModel model) => "Please confirm your e-mail address";

    public void Write(EmailBody body, ConfirmationModel model)
    {
        body.Paragraph($"Someone (we hope you) asked at our site for {model.Asked} at this address. Nothing is sent to it until you confirm:")
            .Link("Yes, it was me: confirm my address", model.ConfirmUrl)
            .Note($"If it was not you, ignore this message: it is the only one we send, and the address is forgotten in {Plural.Count(model.ForgottenAfterDays, "day", "days")}. The link below forgets it now.");
    }
}

/// <summary>A reply published in a thread the subscriber commented in.</summary>
public sealed record ReplyModel(string ArticleTitle, string ReplyAuthor, string ReplyText, string ReplyHtml, string ReplyUrl, string StopThisCommentUrl);

public sealed class ReplyTemplate : IEmailTemplate<ReplyModel>
{
    public string Kind => "reply";

    public string Subject(ReplyModel model) => $"{model.ReplyAuthor} replied on “{model.ArticleTitle}”";

    public void Write(EmailBody body, ReplyModel model)
    {
        body.Paragraph($"{model.ReplyAuthor} replied in the discussion of your comment on “{model.ArticleTitle}”:")
            .Quote(model.ReplyText, model.ReplyHtml)
            .Link("Read the reply on the site", model.ReplyUrl)
            .Note("You get this because you asked to be told of replies to your comment. To stop for this comment only, use the link below; the last link stops every reply notification to this address.")
            .Link("Stop replies to this comment", model.StopThisCommentUrl);
    }
}

/// <summary>One article in an announcement or a digest.</summary>
public sealed record AnnouncedArticle(string Title, string Summary, string AuthorName, string Url);

public sealed class NewArticleTemplate : IEmailTemplate<AnnouncedArticle>
{
    public string Kind => "new-article";

    public string Subject(AnnouncedArticle model) => $"New: {model.Title}";

    public void Write(EmailBody body, AnnouncedArticle model)
    {
        body.Paragraph(model.AuthorName.Length > 0 ? $"“{model.Title}”, by {model.AuthorName}" : $"“{model.Title}”");
        if (model.Summary.Length > 0)
        {
            body.Paragraph(model.Summary);
        }

        body.Link("Read the article", model.Url)
            .Note("You get each new article by e-mail because you asked for it at this address.");
    }
}

/// <summary>A digest: the articles announced since the subscriber's previous one, and how many more there were.</summary>
public sealed record DigestModel(ArticleFrequency Frequency, IReadOnlyList<AnnouncedArticle> Articles, int More, string SiteUrl);

public sealed class DigestTemplate : IEmailTemplate<DigestModel>
{
    public string Kind => "digest";

    public string Subject(DigestModel model)
    {
        var count = Plural.Count(model.Articles.Count + model.More, "new article", "new articles");
        return model.Frequency == ArticleFrequency.Weekly ? $"This week: {count}" : $"Today: {count}";
    }

    public void Write(EmailBody body, DigestModel model)
    {
        var period = model.Frequency == ArticleFrequency.Weekly ? "week" : "day";
        body.Paragraph($"Published since your last {(model.Frequency == ArticleFrequency.Weekly ? "weekly" : "daily")} digest:");
        foreach (var article in model.Articles)
        {
            body.Link(article.Title, article.Url);
            if (article.Summary.Length > 0)
            {
                body.Paragraph(article.Summary);
            }
        }

        if (model.More > 0)
        {
            body.Link($"{Plural.Count(model.More, "more article", "more articles")} on the site", model.SiteUrl);
        }

        body.Note($"You get a {(model.Frequency == ArticleFrequency.Weekly ? "weekly" : "daily")} digest because you asked for one at this address; a {period} without new articles sends nothing.");
    }
}
