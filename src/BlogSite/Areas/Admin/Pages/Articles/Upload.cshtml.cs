using System.Text;
using BlogSite.Content;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>
/// A Markdown file with front matter, as under content/, becomes an article: a draft, or published
/// when its front matter says so. Every problem is listed by the field it is in.
/// </summary>
// Room for the largest file Content:MaxFileBytes allows; the page itself refuses more than the setting, with a message.
[RequestSizeLimit(10_000_000 + 64 * 1024)]
public sealed class UploadModel(ArticleEditorQueries queries, ArticleEditorCommands commands, IOptions<ContentOptions> options) : PageModel, IShowsFormAgain
{
    private static readonly string[] Extensions = [".md", ".markdown"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public int MaxFileBytes => options.Value.MaxFileBytes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (await queries.WriterAsync(User, ct) is not { } writer)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "Choose a .md file to upload.");
        }

        var name = Path.GetFileName(file.FileName);
        if (file.Length > MaxFileBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge,
                $"{name} is {file.Length / 1024:N0} KB; a Markdown file can be at most {MaxFileBytes / 1024:N0} KB.");
        }

        if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, $"{name} is not a Markdown file: upload a .md file with front matter.");
        }

        string text;
        try
        {
            // A byte order mark must not switch the reader to UTF-16 or UTF-32: those files are refused, not guessed at.
            using var reader = new StreamReader(file.OpenReadStream(), StrictUtf8, detectEncodingFromByteOrderMarks: false);
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, $"{name} is not UTF-8 text; save it as UTF-8 and upload it again.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, $"{name} holds binary data, not Markdown text.");
        }

        var parsed = FrontMatterParser.Parse(text, Domain.Slug.From(Path.GetFileNameWithoutExtension(name)), draftByDefault: true);
        if (!parsed.IsValid)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, [.. parsed.Errors]);
        }

        var result = await commands.SaveAsync(writer, null, parsed.FrontMatter!.ToDraft(parsed.Body), $"Uploaded {name}", ct);
        if (result.Status != SaveStatus.Saved)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity,
                [.. result.Errors.Select(e => $"{e.Key.ToLowerInvariant()}: {e.Value}")]);
        }

        var saved = await queries.FindAsync(result.ArticleId, ct);
        TempData["StatusMessage"] = saved?.Status switch
        {
            EditorStatus.Published => $"{name} is published.",
            EditorStatus.Scheduled => $"{name} is scheduled for its date.",
            _ => $"{name} is now a draft. Check it here and publish when it is ready.",
        };
        if (parsed.Warnings.Count > 0)
        {
            TempData["StatusMessage"] += " " + string.Join("; ", parsed.Warnings) + ".";
        }

        return RedirectToPage("/Articles/Edit", new { id = result.ArticleId });
    }

    public IActionResult ShowFormAgain(int status, string message) => Refuse(status, message);

    private PageResult Refuse(int status, params string[] errors)
    {
        Errors = errors;
        Response.StatusCode = status;
        return Page();
    }
}
