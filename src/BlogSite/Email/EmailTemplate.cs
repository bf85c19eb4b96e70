using System.Text;
using System.Text.Encodings.Web;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Email;

/// <summary>
/// One kind of message: its subject and body from one model. The body is written once, through
/// <see cref="EmailBody"/>, which makes the plain-text and the HTML part together, so the two cannot drift apart.
/// </summary>
public interface IEmailTemplate<in TModel>
{
    /// <summary>The kind stored with the message and shown on /admin/email, e.g. "password-reset".</summary>
    string Kind { get; }

    string Subject(TModel model);

    void Write(EmailBody body, TModel model);
}

/// <summary>A message's body in both forms. Every piece of text is encoded for HTML here; a template never writes markup.</summary>
public sealed class EmailBody
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public string Text => text.ToString();
    public string Html => html.ToString();

    public EmailBody Paragraph(string words)
    {
        text.Append(words).Append("\n\n");
        html.Append("<p style=\"margin:0 0 16px\">").Append(Lines(words)).Append("</p>\n");
        return this;
    }

    /// <summary>A link on a line of its own: in the text part the address is written out in full.</summary>
    public EmailBody Link(string label, string url)
    {
        var href = Checked(url);
        text.Append(label).Append(":\n").Append(href).Append("\n\n");
        html.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(HtmlEncoder.Default.Encode(href))
            .Append("\" style=\"color:#1a56db;font-weight:bold\">").Append(HtmlEncoder.Default.Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>Someone else's words (a comment), set apart and quoted in the text part.</summary>
    public EmailBody Quote(string words) => Quote(words, Lines(words));

    /// <summary>
    /// Someone else's words as the site already rendered and sanitized them (the comment pipeline's output),
    /// with <paramref name="words"/> as the text part's version of the same.
    /// </summary>
    public EmailBody Quote(string words, string sanitizedHtml)
    {
        foreach (var line in words.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append("> ").Append(line).Append('\n');
        }

        text.Append('\n');
        html.Append("<blockquote style=\"margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #ccc;color:#333\">")
            .Append(sanitizedHtml).Append("</blockquote>\n");
        return this;
    }

    /// <summary>Small print: why the person gets this, what to do if it was not them.</summary>
    public EmailBody Note(string words)
    {
        text.Append(words).Append("\n\n");
        html.Append("<p style=\"margin:0 0 16px;font-size:13px;color:#555\">").Append(Lines(words)).Append("</p>\n");
        return this;
    }

    private static string Lines(string words) =>
        string.Join("<br>\n", words.ReplaceLineEndings("\n").Split('\n').Select(HtmlEncoder.Default.Encode));

    // Links in mail come from the site's own routes; anything but an absolute http(s) address is a bug, not a link.
    private static string Checked(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.AbsoluteUri
            : throw new ArgumentException($"A link in an e-mail must be an absolute http(s) address; '{url}' is not.", nameof(url));
}

/// <summary>Puts a template's body into the site's layout: its name at the top, and a footer with the unsubscribe link when there is one.</summary>
public sealed class EmailComposer(IOptions<SiteOptions> site)
{
    public EmailMessage Compose<TModel>(IEmailTemplate<TModel> template, TModel model, string idempotencyKey, string to, string? unsubscribeUrl = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var body = new EmailBody();
        template.Write(body, model);
        var siteName = site.Value.Title;
        var subject = template.Subject(model);

        var footer = new EmailBody();
        if (unsubscribeUrl is not null)
        {
            footer.Link("Unsubscribe from these messages", unsubscribeUrl);
        }

        footer.Note($"Sent by {siteName}" + (site.Value.Origin is { } origin ? $" ({origin.AbsoluteUri.TrimEnd('/')})." : "."));

        var text = $"{siteName}\n\n{body.Text}-- \n{footer.Text}".TrimEnd() + "\n";
        var encodedName = HtmlEncoder.Default.Encode(siteName);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{HtmlEncoder.Default.Encode(subject)}</title></head>
            <body style="margin:0;padding:24px;background:#f6f6f6;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#111">
            <div style="max-width:600px;margin:0 auto;background:#fff;padding:24px;border-radius:6px">
            <p style="margin:0 0 24px;font-size:14px;font-weight:bold;color:#555">{encodedName}</p>
            {body.Html}<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 16px">
            {footer.Html}</div>
            </body>
            </html>
            """;
        return new EmailMessage(template.Kind, idempotencyKey, to, subject, text, html, unsubscribeUrl);
    }
}
