using System.Globalization;
using BlogSite.Components;
using Bunit;

namespace BlogSite.Tests.Components;

public sealed class MetaRowTests : BunitContext
{
    private static readonly DateTime Published = new(2026, 6, 1, 9, 30, 0, DateTimeKind.Utc);

    private IRenderedComponent<MetaRow> RenderRow(long views = 0, long hearts = 0, bool fullDate = false, string? author = null) =>
        Render<MetaRow>(p => p
            .Add(m => m.PublishedAt, Published)
            .Add(m => m.ReadingMinutes, 7)
            .Add(m => m.Views, views)
            .Add(m => m.Hearts, hearts)
            .Add(m => m.FullDate, fullDate)
            .Add(m => m.Author, author));

    [Theory]
    [InlineData(0, "0 views")]
    [InlineData(1, "1 view")]
    [InlineData(2, "2 views")]
    [InlineData(1204, "1,204 views")]
    public void Render_Views_PluralisedCount(long views, string text) =>
        Assert.Equal(text, RenderRow(views: views).Find(".meta-row__views").TextContent);

    [Theory]
    [InlineData(0, "0 hearts")]
    [InlineData(1, "1 heart")]
    [InlineData(2, "2 hearts")]
    public void Render_Hearts_PluralisedCount(long hearts, string text) =>
        Assert.Equal(text, RenderRow(hearts: hearts).Find(".meta-row__hearts").TextContent);

    [Fact]
    public void Render_ReadingMinutes_MinRead() =>
        Assert.Equal("7 min read", RenderRow().Find(".meta-row__reading").TextContent);

    [Fact]
    public void Render_Default_MonthAndYearWithMachineReadableTime()
    {
        var time = RenderRow().Find("time");

        Assert.Equal("June 2026", time.TextContent);
        Assert.Equal("2026-06-01T09:30:00Z", time.GetAttribute("datetime"));
        Assert.Equal("Monday, 1 June 2026, 09:30 UTC", time.GetAttribute("title"));
    }

    [Fact]
    public void Render_FullDate_DayMonthYear()
    {
        var time = RenderRow(fullDate: true).Find("time");

        Assert.Equal("1 June 2026", time.TextContent);
        Assert.Equal("2026-06-01T09:30:00Z", time.GetAttribute("datetime"));
    }

    [Fact]
    public void Render_OtherCurrentCulture_SameEnglishText()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var row = RenderRow(views: 1204);

            Assert.Equal("June 2026", row.Find("time").TextContent);
            Assert.Equal("2026-06-01T09:30:00Z", row.Find("time").GetAttribute("datetime"));
            Assert.Equal("1,204 views", row.Find(".meta-row__views").TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void Render_Author_Shown() =>
        Assert.Equal("Ana Lima", RenderRow(author: "Ana Lima").Find(".meta-row__author").TextContent);

    [Fact]
    public void Render_NoAuthor_NoAuthorElement() =>
        Assert.Empty(RenderRow().FindAll(".meta-row__author"));
}
