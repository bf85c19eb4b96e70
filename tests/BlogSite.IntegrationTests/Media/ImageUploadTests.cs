using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Media;

public sealed class ImageUploadTests : IClassFixture<BlogFactory>
{
    private const string UploadPath = "/admin/images";

    // Over the comment form's 64 KB body limit, so an accepted upload near it shows the page's own limit applies.
    private const int MaxImageBytes = 100_000;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEXA/+7iQ5mXAAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==");

    private static readonly byte[] Svg =
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"u8.ToArray();

    private readonly BlogFactory factory;

    public ImageUploadTests(BlogFactory factory)
    {
        this.factory = factory;
        // Beside the factory's database, so it goes when the factory does; set before the host starts.
        MediaFolder = Path.Combine(Path.GetDirectoryName(factory.ContentFolder)!, "media");
        factory.Settings["Media:Path"] = MediaFolder;
        factory.Settings["Media:MaxImageBytes"] = MaxImageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private string MediaFolder { get; }

    private int FilesKept() => Directory.Exists(MediaFolder) ? Directory.GetFiles(MediaFolder).Length : 0;

    /// <summary>A PNG of <paramref name="length"/> bytes, different on every call: the image, then random bytes after its end.</summary>
    private static byte[] PngOf(int length)
    {
        var bytes = new byte[length];
        Png.CopyTo(bytes, 0);
        RandomNumberGenerator.Fill(bytes.AsSpan(Png.Length));
        return bytes;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync(UploadPath));
        return page.QuerySelector("form[data-image-upload] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    /// <summary>Posts the upload form as a browser does (multipart, with the page's token), or as the script does when <paramref name="json"/>.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string contentType,
        string? alt = null, bool json = true, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await TokenAsync(client)), "__RequestVerificationToken");
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "File", fileName);
        form.Add(new StringContent(alt ?? ""), "Alt");
        using var request = new HttpRequestMessage(HttpMethod.Post, UploadPath) { Content = form };
        if (json)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return await client.SendAsync(request);
    }

    private sealed record Uploaded(string Url, string Markdown);

    private sealed record Refused(string Error);

    [Fact]
    public async Task UploadPage_AsAuthor_ShowsTheFormAndItsScript()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);

        var response = await client.GetAsync(UploadPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var form = (IHtmlFormElement)page.QuerySelector("form[data-image-upload]")!;
        Assert.Equal("multipart/form-data", form.Enctype);
        Assert.Equal("image/png,image/jpeg,image/gif,image/webp", form.QuerySelector("input[type='file'][name='File']")!.GetAttribute("accept"));
        Assert.NotNull(form.QuerySelector("input[name='Alt']"));
        Assert.Equal("polite", form.QuerySelector("[data-image-upload-status]")!.GetAttribute("aria-live"));
        Assert.Contains("at most 100 KB", form.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Scripts, s => s.Source?.StartsWith("/js/image-upload.js", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Upload_PngAsAuthor_Returns200WithMarkdown_AndMediaServesTheSameBytesCachedForAYear()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var bytes = PngOf(90_000);

        var response = await UploadAsync(client, bytes, "heap profile.png", "image/png", alt: "A heap [profile]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uploaded = (await response.Content.ReadFromJsonAsync<Uploaded>())!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", uploaded.Url);
        Assert.Equal($"![A heap \\[profile\\]]({uploaded.Url})", uploaded.Markdown);

        var served = await factory.CreateReaderClient().GetAsync(uploaded.Url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Upload_SameImageTwice_OneFileAtOneUrl()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var bytes = PngOf(500);

        var first = await (await UploadAsync(client, bytes, "a.png", "image/png")).Content.ReadFromJsonAsync<Uploaded>();
        var before = FilesKept();
        var second = await (await UploadAsync(client, bytes, "b.png", "image/png")).Content.ReadFromJsonAsync<Uploaded>();

        Assert.Equal(first!.Url, second!.Url);
        Assert.Equal(before, FilesKept());
    }

    [Fact]
    public async Task Upload_FormPostWithoutScript_ShowsTheMarkdownToCopy()
    {
        var client = await factory.SignedInClientAsync(Roles.Admin);

        var response = await UploadAsync(client, PngOf(300), "chart.png", "image/png", alt: "Requests per second", json: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var markdown = ((IHtmlInputElement)page.QuerySelector("#image-markdown")!).Value;
        Assert.Matches("^!\\[Requests per second\\]\\(/media/[0-9a-f]{32}\\.png\\)$", markdown);
        Assert.True(page.QuerySelector("#image-markdown")!.HasAttribute("readonly"));
    }

    [Fact]
    public async Task Upload_PngNamedGif_StoredAndServedAsPng()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);

        var uploaded = await (await UploadAsync(client, PngOf(400), "photo.gif", "image/gif")).Content.ReadFromJsonAsync<Uploaded>();

        Assert.EndsWith(".png", uploaded!.Url, StringComparison.Ordinal);
        var served = await factory.CreateReaderClient().GetAsync(uploaded.Url);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Upload_SvgRenamedPng_Returns422WithMessage_NothingStored(bool json)
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var before = FilesKept();

        var response = await UploadAsync(client, Svg, "logo.png", "image/png", json: json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = json
            ? (await response.Content.ReadFromJsonAsync<Refused>())!.Error
            : (await BlogFactory.ParseAsync(response)).QuerySelector("#image-file-error")!.TextContent;
        Assert.StartsWith("That file is an SVG drawing", error, StringComparison.Ordinal);
        Assert.Contains("Only PNG, JPEG, GIF or WebP images can be uploaded", error, StringComparison.Ordinal);
        Assert.Equal(before, FilesKept());
    }

    [Fact]
    public async Task Upload_TextFile_Returns422_NothingStored()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var before = FilesKept();

        var response = await UploadAsync(client, "just notes\n"u8.ToArray(), "notes.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("That file is not a PNG, JPEG, GIF or WebP image", (await response.Content.ReadFromJsonAsync<Refused>())!.Error, StringComparison.Ordinal);
        Assert.Equal(before, FilesKept());
    }

    [Fact]
    public async Task Upload_EmptyFile_Returns422()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);

        var response = await UploadAsync(client, [], "empty.png", "image/png");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("empty", (await response.Content.ReadFromJsonAsync<Refused>())!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Returns413WithBothSizes_NothingStored()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var before = FilesKept();

        var response = await UploadAsync(client, PngOf(120_000), "big.png", "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("That image is 120 KB; images can be at most 100 KB.", (await response.Content.ReadFromJsonAsync<Refused>())!.Error, StringComparison.Ordinal);
        Assert.Equal(before, FilesKept());
    }

    [Fact]
    public async Task Upload_FarOverTheLimit_Returns413BeforeTheBodyIsRead_NothingStored()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var before = FilesKept();

        var response = await UploadAsync(client, PngOf(1_000_000), "huge.png", "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, FilesKept());
    }

    [Fact]
    public async Task Upload_Anonymous_RedirectsToLogin()
    {
        var client = factory.CreateReaderClient();

        var get = await client.GetAsync(UploadPath);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "File", "a.png" } };
        var post = await client.PostAsync(UploadPath, form);

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Upload_AsModerator_Returns403_NothingStored()
    {
        var client = await factory.SignedInClientAsync(Roles.Moderator);
        var before = FilesKept();

        var get = await client.GetAsync(UploadPath);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(PngOf(200)), "File", "a.png" } };
        var post = await client.PostAsync(UploadPath, form);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, FilesKept());
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_Returns400_NothingStored()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var before = FilesKept();

        var response = await UploadAsync(client, PngOf(200), "a.png", "image/png", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, FilesKept());
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("drawing.svg")]
    [InlineData(".upload-0123.tmp")]
    public async Task Media_FileThatIsNotAStoredImage_NotServed(string name)
    {
        _ = factory.Services; // starts the host, which creates the folder
        await File.WriteAllTextAsync(Path.Combine(MediaFolder, name), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

        var response = await factory.CreateReaderClient().GetAsync("/media/" + name);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
