using System.Net;

namespace BlogSite.IntegrationTests.Pages.Comments;

/// <summary>Every line of the shared XSS sample, as a comment body and as a name, is shown inert.</summary>
public sealed class XssTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    public static TheoryData<int> Lines()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < XssSample.Lines.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task HostileLine_AsBodyAndName_RendersInert(int line)
    {
        factory.Settings["Comments:MinFormAgeSeconds"] = "0";
        factory.Settings["Comments:PostsPerWindow"] = "10000";
        factory.Settings["Comments:MaxLinks"] = "100";
        var client = factory.CreateReaderClient($"Mozilla/5.0 (XSS {line})");
        await client.GetAsync("/antiforgery/token");
        var hostile = XssSample.Lines[line];
        var name = hostile.Length > 80 ? hostile[..80] : hostile;

        var response = await Forms.SubmitAsync(client, "/articles/reading-go-stack-traces", "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Body"] = hostile + $"\n\nline {line}" });
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());

        var html = await (await client.GetAsync("/articles/reading-go-stack-traces")).Content.ReadAsStringAsync();
        XssSample.AssertInert(html);
    }
}
