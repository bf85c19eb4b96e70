using System.Net;
using BlogSite.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

public sealed class EditScheduleTests
{
    /// <summary>The app with a clock the test moves; whole minutes, as the editor's date field has them.</summary>
    private sealed class ClockedFactory : BlogFactory
    {
        public FakeClock Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero));

        public DateTime Now => Clock.GetUtcNow().UtcDateTime;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [Fact]
    public async Task PublishAtInAnHour_IsHiddenUntilThatSecond_ThenShown()
    {
        using var factory = new ClockedFactory();
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("scheduled");
        var path = "/articles/" + slug;
        var start = factory.Now;

        var id = await EditorData.CreateAsync(author, slug, ArticleStatus.Published, publishAt: start.AddHours(1));

        Assert.Equal("Scheduled", (await EditorData.ListRowAsync(author, id))!.QuerySelector(".status-badge")!.TextContent.Trim());
        factory.Clock.Advance(new TimeSpan(0, 59, 59));
        Assert.Equal(HttpStatusCode.NotFound, (await EditorData.ReadAsync(factory, path)).StatusCode);
        Assert.False(await EditorData.IsOnHomeAsync(factory, slug));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start.AddHours(1), factory.Now);
        Assert.Equal(HttpStatusCode.OK, (await EditorData.ReadAsync(factory, path)).StatusCode);
        Assert.True(await EditorData.IsOnHomeAsync(factory, slug));
        Assert.Equal("Published", (await EditorData.ListRowAsync(author, id))!.QuerySelector(".status-badge")!.TextContent.Trim());
    }
}
