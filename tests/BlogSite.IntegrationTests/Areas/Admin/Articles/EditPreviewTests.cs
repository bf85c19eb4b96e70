using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

/// <summary>The Preview button (a whole page) and the live preview (the fragment alone, asked for with a header).</summary>
public sealed class EditPreviewTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private const string PreviewPath = EditorData.NewArticlePath + "?handler=Preview";

    private const string HostileBody = "Before <script>alert(1)</script> after.\n\n```csharp\nvar answer = \"forty-two\";\n```\n";

    private async Task<HttpResponseMessage> PreviewAsync(bool fragment, string body = HostileBody)
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var form = await EditorData.FormAsync(author, EditorData.NewArticlePath, "#editor-form");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, PreviewPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Title"] = "Previewed title",
                ["Input.Body"] = body,
            }),
        };
        if (fragment)
        {
            request.Headers.Add("X-Preview", "1");
        }

        return await author.SendAsync(request);
    }

    [Fact]
    public async Task Preview_WithHeader_ReturnsOnlyTheRenderedSanitizedFragment()
    {
        var response = await PreviewAsync(fragment: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var fragment = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Previewed title", fragment.QuerySelector("h1.article__title")!.TextContent.Trim());
        Assert.Contains("Before", fragment.QuerySelector(".article__body p")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(fragment.QuerySelectorAll(".article__body pre code span[class^='hl-']"));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Previewed title")));
    }

    [Fact]
    public async Task Preview_WithoutHeader_ReturnsTheWholePage_WithThePreviewInside()
    {
        var response = await PreviewAsync(fragment: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#editor-form"));
        Assert.Null(page.QuerySelector("#preview script"));
        Assert.Equal("Previewed title", page.QuerySelector("#preview h1.article__title")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll("#preview .article__body pre code span[class^='hl-']"));
        Assert.Equal(HostileBody, ((IHtmlTextAreaElement)page.QuerySelector("#body-input")!).Value);
    }

    public static TheoryData<string, bool> DeepShapes() => new()
    {
        { "B2 [", false }, { "B2 [", true }, { "A14 > ", false }, { "A14 > ", true }, { "B1 >", true },
    };

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public async Task Preview_OfTextTooDeepToFormat_SaysWhatToChange_AndShowsTheSource(string shape, bool fragment)
    {
        var body = shape switch
        {
            "B2 [" => PathologicalInputs.Repeat("[", 10_000),
            "A14 > " => PathologicalInputs.Repeat("> ", 25_000) + "a",
            _ => PathologicalInputs.Repeat(">", 10_000) + " a",
        };

        var response = await PreviewAsync(fragment, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var preview = fragment ? page.Body! : page.QuerySelector("#preview")!;
        Assert.StartsWith("This article is nested too deeply to format", preview.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Remove most of the nesting", preview.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(body, preview.QuerySelector(".article__body pre.render-fallback-source")!.TextContent);
    }
}
