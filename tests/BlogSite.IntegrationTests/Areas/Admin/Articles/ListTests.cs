using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

/// <summary>The article list's typed filter: words of the title or the start of the slug, through the indexes.</summary>
public sealed class ListTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Filter_ByTitleWordsOrSlugPrefix_FindsTheArticle_WithTheCount()
    {
        var (admin, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var marker = AdminData.Marker();
        var slug = EditorData.NewSlug("kestrel");
        var hawk = await EditorData.CreateAsync(admin, slug, title: $"Kestrel hovering notes {marker}");
        var owl = await EditorData.CreateAsync(admin, EditorData.NewSlug("owl"), ArticleStatus.Published, title: $"Barn owls at dusk {marker}",
            publishAt: DateTime.UtcNow.AddDays(-1));

        async Task<List<int>> ListedAsync(string query)
        {
            var page = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/articles?" + query));
            return page.QuerySelectorAll(".articles-table a[href^='/admin/articles/edit/']")
                .Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }

        Assert.Equal([owl, hawk], await ListedAsync($"q={marker}"));
        Assert.Equal([hawk], await ListedAsync($"q=HOVER+{marker}"));
        Assert.Equal([hawk], await ListedAsync("q=" + slug[..12]));
        Assert.Equal([hawk], await ListedAsync("q=/" + slug));
        Assert.Equal([owl], await ListedAsync($"q={marker}&status=Published"));
        Assert.Equal([hawk], await ListedAsync($"q={marker}&status=Draft"));
        Assert.Empty(await ListedAsync($"q=owls+{marker}&status=Draft"));
        Assert.Empty(await ListedAsync("q=" + Uri.EscapeDataString("\" OR 1=1 --")));
        Assert.Empty(await ListedAsync("q=" + Uri.EscapeDataString("%")));

        var page = await BlogFactory.ParseAsync(await admin.GetAsync($"/admin/articles?q={marker}"));
        Assert.Equal("2 articles", page.QuerySelector(".articles-count")!.TextContent.Trim());
        Assert.Equal(marker, page.QuerySelector("#filter-q")!.GetAttribute("value"));
    }
}
