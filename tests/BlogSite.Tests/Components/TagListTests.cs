using BlogSite.Components;
using Bunit;

namespace BlogSite.Tests.Components;

public sealed class TagListTests : BunitContext
{
    [Fact]
    public void Render_NoTags_Nothing()
    {
        var list = Render<TagList>(p => p.Add(c => c.Tags, []));

        Assert.True(string.IsNullOrWhiteSpace(list.Markup));
    }

    [Fact]
    public void Render_Tags_HashLinksInOrder()
    {
        var list = Render<TagList>(p => p.Add(c => c.Tags, [new LinkItem("dotnet", "/tags/dotnet"), new LinkItem("Go", "/tags/go")]));

        var links = list.FindAll("nav.tag-list li > a");
        Assert.Equal(["#dotnet", "#Go"], links.Select(a => a.TextContent));
        Assert.Equal(["/tags/dotnet", "/tags/go"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Equal("tag", a.GetAttribute("rel")));
    }
}
