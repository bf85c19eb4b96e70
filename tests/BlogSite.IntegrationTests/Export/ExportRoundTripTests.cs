using System.IO.Compression;
using System.Net;
using System.Text;
using BlogSite.Accounts;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Export;
using BlogSite.Import;
using BlogSite.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Export;

/// <summary>A site exported by `export --to` and imported by `import blogsite` into an empty site reads the same.</summary>
public sealed class ExportRoundTripTests
{
    private const string CommenterEmail = "rowan.commenter@example.org";
    private const string StaffEmail = "ida.staff@example.org";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    /// <summary>A factory whose store starts empty: the sample content/ files are removed before the host starts.</summary>
    private static BlogFactory EmptySite()
    {
        var factory = new BlogFactory();
        foreach (var file in Directory.EnumerateFiles(factory.ContentFolder))
        {
            File.Delete(file);
        }

        return factory;
    }

    private static async Task<(int? Code, string Output, string Errors)> CliAsync(BlogFactory factory, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var console = new CliConsole(output, errors, () => "");
        var code = args[0] == "export"
            ? await ExportCli.TryRunAsync(args, factory.Services, console)
            : await ImportCli.TryRunAsync(args, factory.Services, console);
        return (code, output.ToString(), errors.ToString());
    }

    private static async Task<Article> WriteAsync(BlogFactory factory, ArticleDraft draft, int? id = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var article = id is { } known ? await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == known) : null;
        var result = await scope.ServiceProvider.GetRequiredService<ArticleWriter>()
            .WriteAsync(article, draft, new ArticleByline(null, "Ida Staff"), null, CancellationToken.None);
        Assert.True(result.IsWritten, string.Join("; ", result.Problems.Values));
        return result.Article!;
    }

    /// <summary>Drafts, a scheduled and published articles, a rename, tags, an image, threaded comments of every status, counts.</summary>
    private static async Task BuildAsync(BlogFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserCommands>()
                .AddAsync(StaffEmail, "Ida Staff", BlogFactory.StaffPassword, [Roles.Author]));
        }

        var image = await factory.Services.GetRequiredService<ImageStore>().SaveAsync(new MemoryStream(Png), Png.Length, CancellationToken.None);
        var now = DateTime.UtcNow;
        var published = await WriteAsync(factory, new ArticleDraft
        {
            Title = "Pruning: the \"hard\" way # notes",
            Slug = "pruning-first",
            Summary = "- Why the old apple tree needed it",
            Category = "Garden",
            Tags = ["apples", "winter work"],
            Status = ArticleStatus.Published,
            PublishAt = now.AddDays(-30),
            Body = $"Before and after:\n\n![The tree]({image.Url})\n",
            Aliases = ["/2016/02/pruning/"],
        });
        await WriteAsync(factory, new ArticleDraft
        {
            Title = "Pruning the apple tree",
            Slug = "pruning",
            Summary = published.Summary,
            Category = "Garden",
            Tags = ["apples", "winter work"],
            Status = ArticleStatus.Published,
            PublishAt = now.AddDays(-30),
            Body = $"Before and after:\n\n![The tree]({image.Url})\n",
            Aliases = ["/2016/02/pruning/"],
            CommentsClosed = true,
        }, published.Id);
        await WriteAsync(factory, new ArticleDraft { Title = "Half a thought", Category = "Notes", Status = ArticleStatus.Draft, Body = "Later." });
        await WriteAsync(factory, new ArticleDraft
        {
            Title = "Spring sowing",
            Category = "Garden",
            Status = ArticleStatus.Published,
            PublishAt = now.AddDays(10),
            Body = "Soon.",
            AdsOff = true,
        });

        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == "pruning");
            var first = new Comment { ArticleId = article.Id, AuthorName = "Rowan", Email = CommenterEmail, Body = "Which saw?", CreatedAt = now.AddDays(-20), PosterHash = "p" };
            db.Comments.Add(first);
            db.Comments.AddRange(
                new Comment { ArticleId = article.Id, Parent = first, AuthorName = "Ida Staff", Body = "A bow saw.", CreatedAt = now.AddDays(-19), PosterHash = "p" },
                new Comment { ArticleId = article.Id, AuthorName = "Linky", Body = "see [this](https://spam.example)", Status = CommentStatus.Pending, HeldReason = "Has 1 link", CreatedAt = now.AddDays(-18), PosterHash = "p" },
                new Comment { ArticleId = article.Id, AuthorName = "Spammer", Email = "spam@spam.example", Body = "buy", Status = CommentStatus.Spam, CreatedAt = now.AddDays(-17), PosterHash = "p" },
                new Comment { ArticleId = article.Id, AuthorName = "Rude", Body = "meh", Status = CommentStatus.Hidden, CreatedAt = now.AddDays(-16), PosterHash = "p" });
            await db.SaveChangesAsync();
            return await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, 1234).SetProperty(a => a.Hearts, 56));
        });
    }

    private sealed record ArticleShape(string Slug, string Title, string Summary, string Category, string Tags, ArticleStatus Status,
        DateTime? PublishedAt, DateTime UpdatedAt, string Body, long Views, long Hearts, bool AdsOff, bool CommentsClosed, string Comments);

    private static Task<List<ArticleShape>> ShapeAsync(BlogFactory factory) => factory.WithDbAsync(async db =>
    {
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Slug).Select(a => new
        {
            a.Slug,
            a.Title,
            a.Summary,
            Category = a.Category!.Name,
            Tags = a.Tags.Select(t => t.Name).ToList(),
            a.Status,
            a.PublishedAt,
            a.UpdatedAt,
            a.Body.Markdown,
            a.Views,
            a.Hearts,
            a.AdsOff,
            a.CommentsClosed,
            ArticleId = a.Id,
        }).ToListAsync();
        var comments = await db.Comments.AsNoTracking().OrderBy(c => c.CreatedAt)
            .Select(c => new { c.ArticleId, c.AuthorName, c.Status, c.HeldReason, c.CreatedAt, Parent = c.Parent == null ? null : c.Parent.AuthorName }).ToListAsync();
        return articles.Select(a => new ArticleShape(a.Slug, a.Title, a.Summary, a.Category, string.Join(",", a.Tags.Order()), a.Status, a.PublishedAt,
            a.UpdatedAt, a.Markdown, a.Views, a.Hearts, a.AdsOff, a.CommentsClosed,
            string.Join(" | ", comments.Where(c => c.ArticleId == a.ArticleId).Select(c => $"{c.AuthorName}/{c.Status}/{c.HeldReason}/{c.CreatedAt:O}/{c.Parent}")))).ToList();
    });

    private static string TempZip() => Path.Combine(Path.GetTempPath(), $"blogsite-export-{Guid.NewGuid():N}.zip");

    [Fact]
    public async Task ExportThenImport_IntoAnEmptySite_GivesTheSameSite_AndASecondImportChangesNothing()
    {
        using var source = EmptySite();
        await BuildAsync(source);
        var file = TempZip();
        try
        {
            var (code, output, errors) = await CliAsync(source, "export", "--to", file, "--include-emails");
            Assert.True(code == ExportCli.Done, errors);
            Assert.Contains("3 articles, 5 comments", output, StringComparison.Ordinal);

            using var target = EmptySite();
            var (imported, report, importErrors) = await CliAsync(target, "import", "blogsite", file);
            Assert.True(imported == ImportCli.Done, importErrors);
            Assert.Contains("3 articles imported", report, StringComparison.Ordinal);

            Assert.Equal(await ShapeAsync(source), await ShapeAsync(target));
            var client = target.CreateReaderClient();
            foreach (var old in new[] { "/articles/pruning-first", "/2016/02/pruning/" })
            {
                var moved = await client.GetAsync(old);
                Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
                Assert.Equal("/articles/pruning", moved.Headers.Location!.OriginalString);
            }

            var url = await target.WithDbAsync(db => db.Articles.Where(a => a.Slug == "pruning").Select(a => a.Body.Markdown).SingleAsync());
            var imageUrl = url[(url.IndexOf("(/media/", StringComparison.Ordinal) + 1)..url.IndexOf(')', StringComparison.Ordinal)];
            Assert.Equal(Png, await client.GetByteArrayAsync(imageUrl));
            // An export holds no passwords, so no account is made for its staff.
            Assert.Equal(0, await target.WithDbAsync(db => db.Users.CountAsync()));

            var before = await ShapeAsync(target);
            var (again, secondReport, _) = await CliAsync(target, "import", "blogsite", file);
            Assert.Equal(ImportCli.Done, again);
            Assert.Contains("0 articles imported, 3 already here", secondReport, StringComparison.Ordinal);
            Assert.Contains("0 images stored, 1 already here", secondReport, StringComparison.Ordinal);
            Assert.Equal(before, await ShapeAsync(target));
            Assert.Equal(1, await target.WithDbAsync(db => db.SlugRedirects.CountAsync()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_WithoutIncludeEmails_HoldsNoEmailAddress()
    {
        using var source = EmptySite();
        await BuildAsync(source);
        var file = TempZip();
        try
        {
            Assert.Equal(ExportCli.Done, (await CliAsync(source, "export", "--to", file)).Code);

            using var zip = ZipFile.OpenRead(file);
            Assert.Contains(zip.Entries, e => e.FullName == "articles/pruning.md");
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("media/", StringComparison.Ordinal));
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.Latin1);
                var text = await reader.ReadToEndAsync();
                Assert.DoesNotContain("@", text, StringComparison.Ordinal);
                Assert.DoesNotContain("PasswordHash", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("SecurityStamp", text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}*"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_ToAMissingFolder_IsRefused_LeavingNothing()
    {
        using var source = EmptySite();
        var file = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}", "site.zip");

        var (code, _, errors) = await CliAsync(source, "export", "--to", file);

        Assert.Equal(ExportCli.Refused, code);
        Assert.Contains("Nothing was written", errors, StringComparison.Ordinal);
        Assert.Equal(ExportCli.Misuse, (await CliAsync(source, "export", "site.zip")).Code);
    }

    [Fact]
    public async Task AdminDownload_AnswersAZipToAnAdmin_AndNotToAnAuthor()
    {
        using var site = EmptySite();
        await BuildAsync(site);
        var admin = await site.SignedInClientAsync(Roles.Admin);

        var response = await Forms.SubmitAsync(admin, "/admin/export", "#export-form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^blogsite-export-\d{8}\.zip$", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!);
        using (var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync())))
        {
            Assert.NotNull(zip.GetEntry("manifest.json"));
            Assert.NotNull(zip.GetEntry("articles/pruning.md"));
        }

        var author = await site.SignedInClientAsync(Roles.Author);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/admin/export")).StatusCode);
        var anonymous = await site.CreateReaderClient().PostAsync("/admin/export", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
