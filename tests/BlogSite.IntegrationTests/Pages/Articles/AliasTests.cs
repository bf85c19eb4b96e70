using System.Net;

namespace BlogSite.IntegrationTests.Pages.Articles;

public sealed class AliasTests
{
    private const string File = """
        ---
        title: Moved in from the old blog
        category: Notes
        date: 2024-03-02
        aliases: [/2024/03/02/moved-in/, "/old/caf%C3%A9"]
        ---
        It used to live elsewhere.
        """;

    [Theory]
    [InlineData("/2024/03/02/moved-in/")]
    [InlineData("/2024/03/02/moved-in")]
    [InlineData("/old/café")]
    public async Task OldAddress_AnswersWithAPermanentRedirect_ToTheArticle(string path)
    {
        using var factory = new BlogFactory();
        await System.IO.File.WriteAllTextAsync(Path.Combine(factory.ContentFolder, "moved-in.md"), File);
        var client = factory.CreateReaderClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles/moved-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OldAddress_OfADraft_Or_Unknown_IsNotFound()
    {
        using var factory = new BlogFactory();
        await System.IO.File.WriteAllTextAsync(Path.Combine(factory.ContentFolder, "moved-in.md"), File.Replace("date: 2024-03-02", "draft: true", StringComparison.Ordinal));
        var client = factory.CreateReaderClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2024/03/02/moved-in/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/2024/03/02/never-was/")).StatusCode);
    }
}
