using System.Net;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using static BlogSite.IntegrationTests.Subscriptions.ReaderMail;

namespace BlogSite.IntegrationTests.Areas.Admin.Subscribers;

/// <summary>/admin/subscribers: counts, a page of addresses, the CSV, removing one; for Admins only.</summary>
public sealed class IndexTests
{
    [Fact]
    public async Task Page_ShowsCountsAndAddresses_ExportsThemAsCsv_AndRemovesOne()
    {
        using var site = await SiteAsync();
        await SubscribeConfirmedAsync(site, "each@blogsite.test");
        await SubscribeConfirmedAsync(site, "weekly@blogsite.test", ArticleFrequency.Weekly);
        await SubscribeAsync(await ReaderAsync(site), "=waiting@blogsite.test", ArticleFrequency.Daily);
        var commenter = await ReaderAsync(site);
        await CommentAsync(site, commenter, "Ada", "Tell me of replies.", "ada@blogsite.test", notify: true);
        await ConfirmAsync(commenter, ConfirmLink(await site.Smtp.SingleForAsync("ada@blogsite.test")));
        var (admin, _) = await AdminData.SignInAsync(site, Roles.Admin);

        var page = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/subscribers"));

        Assert.Equal("3", page.QuerySelector("#count-confirmed")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#count-pending")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#count-each")!.TextContent);
        Assert.Equal("0", page.QuerySelector("#count-daily")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#count-weekly")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#count-replies")!.TextContent);
        Assert.Equal(["ada@blogsite.test", "=waiting@blogsite.test", "weekly@blogsite.test", "each@blogsite.test"],
            page.QuerySelectorAll(".subscribers-table__email").Select(e => e.TextContent));

        var export = await Forms.SubmitAsync(admin, "/admin/subscribers", "form.subscriber-export", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("email,status,asked_at,confirmed_at,new_articles,reply_comments", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("each@blogsite.test,confirmed,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",each,0", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("'=waiting@blogsite.test,pending,", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",,daily,0", lines[3], StringComparison.Ordinal);
        Assert.EndsWith(",,1", lines[4], StringComparison.Ordinal);

        var id = await site.WithDbAsync(db => db.ReaderAddresses.Where(a => a.Email == "ada@blogsite.test").Select(a => a.Id).SingleAsync());
        var remove = await Forms.SubmitAsync(admin, "/admin/subscribers", $"tr#subscriber-{id} form.subscriber-remove", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        var after = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/subscribers"));
        Assert.Contains("Removed the address", after.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"tr#subscriber-{id}"));
        Assert.False(await site.WithDbAsync(db => db.ReplySubscriptions.AnyAsync()));
    }

    [Fact]
    public async Task Page_IsPaged_AndAPagePastTheLastIs404()
    {
        using var site = await SiteAsync(settings: [("Email:Readers:SubscribersPerPage", "10"), ("Email:Readers:ConfirmationsPerRequester", "100"),
            ("Email:Readers:RequestsPerRequester", "100")]);
        var client = await ReaderAsync(site);
        for (var i = 0; i < 12; i++)
        {
            await SubscribeAsync(client, $"reader{i}@blogsite.test");
        }

        var (admin, _) = await AdminData.SignInAsync(site, Roles.Admin);

        var first = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/subscribers"));
        var second = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/subscribers?pageNumber=2"));

        Assert.Equal(10, first.QuerySelectorAll(".subscribers-table tbody tr").Length);
        Assert.Equal("/admin/subscribers?pageNumber=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
        Assert.Equal(["reader1@blogsite.test", "reader0@blogsite.test"], second.QuerySelectorAll(".subscribers-table__email").Select(e => e.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/subscribers?pageNumber=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/subscribers?pageNumber=x")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Moderator)]
    [InlineData(Roles.Author)]
    public async Task Page_AndExport_AreForAdminsOnly(string role)
    {
        using var site = await SiteAsync();
        await SubscribeAsync(await ReaderAsync(site), "private@blogsite.test");
        var (staff, _) = await AdminData.SignInAsync(site, role);
        var (admin, _) = await AdminData.SignInAsync(site, Roles.Admin);
        var token = (await BlogFactory.ParseAsync(await admin.GetAsync("/admin/subscribers")))
            .QuerySelector("form.subscriber-export input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var page = await staff.GetAsync("/admin/subscribers");
        var export = await staff.PostAsync("/admin/subscribers?handler=Export", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.True(export.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, export.StatusCode.ToString());
        Assert.DoesNotContain("private@blogsite.test", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReaderClient().GetAsync("/admin/subscribers")).StatusCode);
    }
}
