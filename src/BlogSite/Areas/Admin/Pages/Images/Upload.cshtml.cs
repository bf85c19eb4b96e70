using BlogSite.Media;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Images;

/// <summary>
/// Authors upload an image and get the Markdown that shows it. A script's post (Accept: application/json)
/// is answered { url, markdown } or { error }; a form post gets this page again with the snippet or the error.
/// The body limit comes from Media:MaxImageBytes (see AddBlogMedia).
/// </summary>
public sealed class UploadModel(ImageStore images, IOptions<MediaOptions> options) : PageModel, IShowsFormAgain
{
    public const int MaxAltLength = 300;

    public int MaxImageBytes => options.Value.MaxImageBytes;

    public string MaxImageSize => ImageStore.Size(MaxImageBytes);

    public string? Alt { get; private set; }

    public string? ImageUrl { get; private set; }

    public string? Markdown { get; private set; }

    public string? FileError { get; private set; }

    public string? AltError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? alt, CancellationToken ct)
    {
        Alt = alt?.Trim();
        if (Alt?.Length > MaxAltLength)
        {
            AltError = $"Alt text can be at most {MaxAltLength} characters; describe the image more briefly.";
            return Refuse(StatusCodes.Status422UnprocessableEntity, AltError);
        }

        if (file is null)
        {
            FileError = $"Choose a {ImageStore.Accepted} image to upload.";
            return Refuse(StatusCodes.Status422UnprocessableEntity, FileError);
        }

        await using var content = file.OpenReadStream();
        var result = await images.SaveAsync(content, file.Length, ct);
        if (!result.Stored)
        {
            FileError = result.Message;
            return Refuse(result.Refusal == ImageRefusal.TooLarge
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status422UnprocessableEntity, FileError);
        }

        ImageUrl = result.Url;
        Markdown = ImageMarkdown.For(Alt, ImageUrl);
        return WantsJson ? new JsonResult(new { url = ImageUrl, markdown = Markdown }) : Page();
    }

    public IActionResult ShowFormAgain(int status, string message)
    {
        FileError = message;
        return Refuse(status, message);
    }

    private bool WantsJson =>
        Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private IActionResult Refuse(int status, string error)
    {
        if (WantsJson)
        {
            return new JsonResult(new { error }) { StatusCode = status };
        }

        Response.StatusCode = status;
        return Page();
    }
}
