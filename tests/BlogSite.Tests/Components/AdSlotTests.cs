using BlogSite.Components;
using BlogSite.Web;
using Bunit;

namespace BlogSite.Tests.Components;

public sealed class AdSlotTests : BunitContext
{
    private IRenderedComponent<AdSlot> RenderSlot(AdSlotOptions slot) => Render<AdSlot>(p => p.Add(c => c.Slot, slot));

    [Theory]
    [InlineData(AdSize.Banner, "ad-slot--banner")]
    [InlineData(AdSize.Rectangle, "ad-slot--rectangle")]
    public void Render_Enabled_LabelledWithSizeClass(AdSize size, string sizeClass)
    {
        var aside = RenderSlot(new AdSlotOptions { Size = size }).Find("aside.ad-slot");

        Assert.Contains(sizeClass, aside.ClassList);
        Assert.Equal("Advertisement", aside.GetAttribute("aria-label"));
        Assert.Equal("Advertisement", aside.QuerySelector(".ad-slot__label")?.TextContent);
    }

    [Fact]
    public void Render_Disabled_Nothing() =>
        Assert.True(string.IsNullOrWhiteSpace(RenderSlot(new AdSlotOptions { Enabled = false, Text = "Buy", Url = "https://example.com" }).Markup));

    [Fact]
    public void Render_NoCreative_LabelOnly()
    {
        var slot = RenderSlot(new AdSlotOptions());

        Assert.Empty(slot.FindAll("a"));
        Assert.Equal("Advertisement", slot.Find(".ad-slot__label").TextContent);
    }

    [Fact]
    public void Render_Creative_SponsoredLink()
    {
        var slot = RenderSlot(new AdSlotOptions { Sponsor = "Acme CI", Text = "Faster builds", Url = "https://example.com/acme" });

        var link = slot.Find("a.ad-slot__creative");
        Assert.Equal("https://example.com/acme", link.GetAttribute("href"));
        Assert.Equal("sponsored noopener", link.GetAttribute("rel"));
        Assert.Equal("Acme CI", link.QuerySelector(".ad-slot__sponsor")?.TextContent);
        Assert.Equal("Faster builds", link.QuerySelector(".ad-slot__text")?.TextContent);
        Assert.Equal("Advertisement", slot.Find(".ad-slot__label").TextContent);
    }

    [Fact]
    public void Render_CreativeWithoutSponsor_NoSponsorElement() =>
        Assert.Empty(RenderSlot(new AdSlotOptions { Text = "Faster builds", Url = "https://example.com/acme" }).FindAll(".ad-slot__sponsor"));
}
