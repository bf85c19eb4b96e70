using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

/// <summary>Articles written through the editor's own form, and readers that see the site as it is right now.</summary>
internal static class EditorData
{
    public const string NewArticlePath = "/admin/articles/edit";

    /// <summary>A sample article synced from content/, so read-only in the editor.</summary>
    public const string ContentSlug = "reading-go-stack-traces";

    public static string EditPath(int id) => $"/admin/articles/edit/{id}";

    /// <summary>A slug no other test uses.</summary>
    public static string NewSlug(string prefix = "editor") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>The editor form's fields for an article; <paramref name="publishAt"/> is UTC.</summary>
    public static Dictionary<string, string> Fields(string title, string slug, string body = "Some words.\n",
        ArticleStatus status = ArticleStatus.Draft, DateTime? publishAt = null) => new()
        {
            ["Input.Title"] = title,
            ["Input.Slug"] = slug,
            ["Input.Category"] = "Editor tests",
            ["Input.Body"] = body,
            ["Input.Status"] = status.ToString(),
            ["Input.PublishAt"] = publishAt?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) ?? "",
        };

    /// <summary>Saves the editor form of <paramref name="path"/> with <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, string path, IReadOnlyDictionary<string, string> fields) =>
        Forms.SubmitAsync(client, path, "#editor-form", fields);

    /// <summary>Creates an article with the New article form and returns its id.</summary>
    public static async Task<int> CreateAsync(HttpClient client, string slug, ArticleStatus status = ArticleStatus.Draft,
        string? title = null, string body = "Some words.\n", DateTime? publishAt = null)
    {
        var response = await SaveAsync(client, NewArticlePath, Fields(title ?? "Title of " + slug, slug, body, status, publishAt));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.PathAndQuery();
        Assert.StartsWith(NewArticlePath + "/", location, StringComparison.Ordinal);
        return int.Parse(location[(NewArticlePath.Length + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>A reader's GET with a cookie, which the reader page cache passes by: the page as it is now.</summary>
    public static async Task<HttpResponseMessage> ReadAsync(BlogFactory factory, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "fresh=1");
        return await factory.CreateReaderClient().SendAsync(request);
    }

    /// <summary>Whether the home page links to the article at <paramref name="slug"/>.</summary>
    public static async Task<bool> IsOnHomeAsync(BlogFactory factory, string slug)
    {
        var page = await BlogFactory.ParseAsync(await ReadAsync(factory, "/"));
        return page.QuerySelector($"a[href='/articles/{slug}']") is not null;
    }

    /// <summary>The row of article <paramref name="id"/> in a writer's list, or null when it isn't listed.</summary>
    public static async Task<IElement?> ListRowAsync(HttpClient client, int id, string query = "")
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/admin/articles" + query));
        return page.QuerySelector($".articles-table a[href='{EditPath(id)}']")?.Closest("tr");
    }

    /// <summary>A form of <paramref name="path"/> chosen by selector, to post as it is.</summary>
    public static async Task<IHtmlFormElement> FormAsync(HttpClient client, string path, string selector)
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
        return page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{selector}' on {path}");
    }

    /// <summary>The Restore form of <paramref name="path"/> whose action names <paramref name="key"/>=<paramref name="value"/>.</summary>
    public static async Task<IHtmlFormElement> RestoreFormAsync(HttpClient client, string path, string key, int value)
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
        return page.QuerySelectorAll("form[action*='handler=Restore']").OfType<IHtmlFormElement>()
            .SingleOrDefault(f => f.GetAttribute("action")!.Split('?', '&').Contains($"{key}={value}"))
            ?? throw new InvalidOperationException($"No Restore form for {key}={value} on {path}");
    }

    public static Task<Article?> FindAsync(BlogFactory factory, int id) =>
        factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id));

    public static Task<List<ArticleRevision>> RevisionsAsync(BlogFactory factory, int id) =>
        factory.WithDbAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
}
