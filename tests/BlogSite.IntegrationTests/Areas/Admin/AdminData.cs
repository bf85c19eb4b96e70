using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using BlogSite.Accounts;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Areas.Admin;

/// <summary>Comments seeded straight into the store, and small helpers for the admin pages' forms.</summary>
internal static class AdminData
{
    public const string ArticleSlug = "reading-go-stack-traces";

    /// <summary>
    /// Meets Identity's default password rules (upper case, lower case, digit, 12+). BlogFactory.StaffPassword
    /// has no capital, which the current AddBlogAccounts options reject, so these tests sign in with this one.
    /// </summary>
    public const string Password = "Correct-horse-battery-9";

    /// <summary>Creates an account with <paramref name="role"/> (or none) and returns a client signed in as it, with its display name.</summary>
    public static async Task<(HttpClient Client, string Name)> SignInAsync(BlogFactory factory, string? role)
    {
        var name = (role ?? "nobody").ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..10];
        var email = name + "@blogsite.test";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<UserCommands>()
                .AddAsync(email, name, Password, role is null ? [] : [role]);
            Assert.Empty(errors);
        }

        var client = factory.CreateReaderClient();
        var response = await Forms.SubmitAsync(client, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, name);
    }

    /// <summary>A word no sample text contains, so a search for it finds only one test's comments.</summary>
    public static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..12];

    public static Task<int> AddCommentAsync(BlogFactory factory, CommentStatus status, string body, string? author = null,
        string? heldReason = null, int reports = 0, int? parentId = null, string slug = ArticleSlug, DateTime? createdAt = null) =>
        factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
            var comment = new Comment
            {
                ArticleId = articleId,
                AuthorName = author ?? "Reader " + Guid.NewGuid().ToString("N")[..6],
                Body = body,
                Status = status,
                HeldReason = heldReason,
                ReportCount = reports,
                ParentId = parentId,
                CreatedAt = createdAt ?? DateTime.UtcNow,
                PosterHash = "test",
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });

    public static Task<CommentStatus> StatusOfAsync(BlogFactory factory, int id) =>
        factory.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    public static Task<List<ModerationEvent>> EventsOfAsync(BlogFactory factory, int id) =>
        factory.WithDbAsync(db => db.ModerationEvents.AsNoTracking().Where(e => e.CommentId == id).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The moderation form of a page, with the given comments' checkboxes ticked.</summary>
    public static async Task<IHtmlFormElement> ModerationFormAsync(HttpClient client, string path, params int[] ticked)
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
        var form = page.QuerySelector("form.moderation") as IHtmlFormElement
            ?? throw new InvalidOperationException("No moderation form on " + path);
        foreach (var id in ticked)
        {
            var box = (IHtmlInputElement)(form.QuerySelector($"input[name='ids'][value='{id}']")
                ?? throw new InvalidOperationException($"Comment {id} is not listed on {path}"));
            box.IsChecked = true;
        }

        return form;
    }

    public static IElement Row(IDocument page, int id) =>
        page.QuerySelector($"tr#comment-{id}") ?? throw new InvalidOperationException($"Comment {id} is not listed");
}
