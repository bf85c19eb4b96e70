using System.Globalization;
using BlogSite.Components;
using Bunit;

namespace BlogSite.Tests.Components;

public sealed class PagerTests : BunitContext
{
    private IRenderedComponent<Pager> RenderPager(int page, int totalPages) =>
        Render<Pager>(p => p
            .Add(c => c.Page, page)
            .Add(c => c.TotalPages, totalPages)
            .Add(c => c.PageHref, n => "/?page=" + n.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public void Render_OnePage_Nothing() => Assert.True(string.IsNullOrWhiteSpace(RenderPager(1, 1).Markup));

    [Fact]
    public void Render_FirstOfThree_OlderLinkOnly()
    {
        var pager = RenderPager(1, 3);

        Assert.Empty(pager.FindAll(".pager__newer"));
        var older = pager.Find("a.pager__older");
        Assert.Equal("/?page=2", older.GetAttribute("href"));
        Assert.Equal("next", older.GetAttribute("rel"));
        Assert.Equal("Page 1 of 3", pager.Find(".pager__position").TextContent);
    }

    [Fact]
    public void Render_LastOfThree_NewerLinkOnly()
    {
        var pager = RenderPager(3, 3);

        Assert.Empty(pager.FindAll(".pager__older"));
        var newer = pager.Find("a.pager__newer");
        Assert.Equal("/?page=2", newer.GetAttribute("href"));
        Assert.Equal("prev", newer.GetAttribute("rel"));
        Assert.Equal("Page 3 of 3", pager.Find(".pager__position").TextContent);
    }

    [Fact]
    public void Render_MiddlePage_BothLinks()
    {
        var pager = RenderPager(2, 3);

        Assert.Equal("/?page=1", pager.Find("a.pager__newer").GetAttribute("href"));
        Assert.Equal("/?page=3", pager.Find("a.pager__older").GetAttribute("href"));
        Assert.Equal("page", pager.Find(".pager__position").GetAttribute("aria-current"));
    }

    [Fact]
    public void Render_LastPageOfABoundedList_LinksBeyondInsteadOfOlder()
    {
        var pager = Render<Pager>(p => p
            .Add(c => c.Page, 1)
            .Add(c => c.TotalPages, 1)
            .Add(c => c.PageHref, n => "/?page=" + n.ToString(CultureInfo.InvariantCulture))
            .Add(c => c.Beyond, new LinkItem("Older articles in the archive →", "/archive")));

        Assert.Empty(pager.FindAll(".pager__older"));
        Assert.Equal("/archive", pager.Find("a.pager__beyond").GetAttribute("href"));
        Assert.Equal("Page 1 of 1+", pager.Find(".pager__position").TextContent);
    }
}
