using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Domain;
using BlogSite.Email;
using BlogSite.IntegrationTests.Areas.Admin;
using BlogSite.IntegrationTests.Areas.Admin.Articles;
using BlogSite.IntegrationTests.Email;
using BlogSite.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.IntegrationTests.TestSmtpServer;

namespace BlogSite.IntegrationTests.Subscriptions;

/// <summary>
/// Readers asking for mail through the site's own forms, confirming from the message that arrives, and a way to let
/// every pass of the reader mail and the outbox run through before a test says what did not arrive.
/// </summary>
internal static class ReaderMail
{
    public const string ArticleSlug = "ef-core-query-counts";

    /// <summary>A site sending to a test server of its own, with the reader mail's and the comment form's waits made short.</summary>
    public static async Task<EmailSite> SiteAsync(FakeClock? clock = null, TestSmtpServer? smtp = null, string? root = null, params (string Key, string Value)[] settings)
    {
        var site = new EmailSite(smtp ?? await TestSmtpServer.StartAsync(), clock ?? new FakeClock(WholeMinute(DateTimeOffset.UtcNow)),
            root, ownsSmtp: smtp is null);
        Configure(site, settings);
        return site;
    }

    public static void Configure(BlogFactory site, params (string Key, string Value)[] settings)
    {
        site.Settings["Email:Readers:PollSeconds"] = "1";
        site.Settings["Comments:MinFormAgeSeconds"] = "0";
        foreach (var (key, value) in settings)
        {
            site.Settings[key] = value;
        }
    }

    /// <summary>The editor's date field has whole minutes; a clock on one keeps scheduled times exact.</summary>
    public static DateTimeOffset WholeMinute(DateTimeOffset at) => new(at.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>A reader with cookies, so pages embed their form tokens; from <paramref name="peer"/> when given.</summary>
    public static async Task<HttpClient> ReaderAsync(BlogFactory site, string? peer = null)
    {
        var client = site.CreateReaderClient(peer: peer);
        await client.GetAsync("/antiforgery/token");
        return client;
    }

    /// <summary>Submits "Get new articles by e-mail" on <paramref name="path"/>.</summary>
    public static Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string email, ArticleFrequency frequency = ArticleFrequency.EachArticle, string path = "/") =>
        Forms.SubmitAsync(client, path, "form.subscribe", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Frequency"] = frequency.ToString(),
        });

    /// <summary>Posts a comment on <paramref name="slug"/>, with "E-mail me when someone replies" ticked when <paramref name="notify"/>; returns its id.</summary>
    public static async Task<int> CommentAsync(BlogFactory site, HttpClient client, string name, string body, string? email = null, bool notify = false,
        int? replyTo = null, string slug = ArticleSlug)
    {
        var response = await PostCommentAsync(client, name, body, email, notify, replyTo, slug);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await site.WithDbAsync(db => db.Comments.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    public static Task<HttpResponseMessage> PostCommentAsync(HttpClient client, string name, string body, string? email = null, bool notify = false,
        int? replyTo = null, string slug = ArticleSlug)
    {
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Body"] = body, ["Input.Email"] = email ?? "" };
        if (notify)
        {
            values["Input.NotifyReplies"] = "true";
        }

        var path = $"/articles/{slug}" + (replyTo is { } parent ? $"?replyTo={parent}" : "");
        return Forms.SubmitAsync(client, path, "form.comment-form", values, submitName: "intent=post");
    }

    /// <summary>The confirmation link of a confirmation message.</summary>
    public static string ConfirmLink(ReceivedMessage message) =>
        Assert.Single(message.Links, link => link.Contains("/email/confirm?token=", StringComparison.Ordinal));

    /// <summary>Follows a confirmation link as its owner does: opens the page, then presses its button.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string link)
    {
        var path = new Uri(link).PathAndQuery;
        var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
        var form = page.QuerySelector("form.confirm-form") as IHtmlFormElement
            ?? throw new InvalidOperationException("No confirmation form at " + path);
        return await Forms.PostAsync(client, form, new Dictionary<string, string>(), path: path);
    }

    /// <summary>Subscribes <paramref name="email"/> to new articles and confirms it from the message that arrives.</summary>
    public static async Task SubscribeConfirmedAsync(EmailSite site, string email, ArticleFrequency frequency = ArticleFrequency.EachArticle)
    {
        var client = await ReaderAsync(site);
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeAsync(client, email, frequency)).StatusCode);
        var confirmation = await site.Smtp.SingleForAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(client, ConfirmLink(confirmation))).StatusCode);
    }

    /// <summary>Messages to <paramref name="email"/> so far, oldest first.</summary>
    public static IReadOnlyList<ReceivedMessage> To(TestSmtpServer smtp, string email) =>
        [.. smtp.Received.Where(m => m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase))];

    /// <summary>
    /// Runs a pass of the reader mail, then waits until the outbox has nothing left to send: after it, what has not
    /// arrived will not arrive from anything done so far.
    /// </summary>
    public static async Task SettleAsync(EmailSite site)
    {
        await site.Services.GetRequiredService<ReaderMailWorker>().RunPassAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Queued || m.Status == OutboxStatus.Sending)))
        {
            await Task.Delay(50, cancel.Token);
        }
    }

    /// <summary>An Author's client, for the editor.</summary>
    public static async Task<HttpClient> AuthorAsync(BlogFactory site) => (await AdminData.SignInAsync(site, Roles.Author)).Client;

    /// <summary>Publishes an article through the editor (at <paramref name="publishAt"/> when given) and returns its slug.</summary>
    public static async Task<string> PublishAsync(HttpClient author, string title, DateTime? publishAt = null)
    {
        var slug = EditorData.NewSlug("news");
        await EditorData.CreateAsync(author, slug, ArticleStatus.Published, title, publishAt: publishAt);
        return slug;
    }
}
