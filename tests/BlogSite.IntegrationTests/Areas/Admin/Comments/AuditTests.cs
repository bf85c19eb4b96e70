using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Comments;

public sealed class AuditTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Audit_AfterActions_ListsEachEventNewestFirst_WithActorActionCommentAndNote()
    {
        var marker = AdminData.Marker();
        var first = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"First {marker}", "Ann Audit");
        var second = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Second {marker}", "Ben Audit");
        var (client, name) = await AdminData.SignInAsync(factory, Roles.Moderator);
        await Forms.PostAsync(client, await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}"),
            new Dictionary<string, string> { ["rowAction"] = $"approve:{first}", ["note"] = "Looks fine" });
        await Forms.PostAsync(client, await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}"),
            new Dictionary<string, string> { ["rowAction"] = $"delete:{second}" });

        var response = await client.GetAsync("/admin/comments/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var rows = page.QuerySelectorAll(".audit-table tbody tr")
            .Where(r => r.QuerySelector(".audit-table__actor")!.TextContent.Trim() == name).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Deleted", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Pending → Deleted", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/comments/{second}", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Ben Audit", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("—", rows[0].QuerySelector(".audit-table__note")!.TextContent.Trim());
        Assert.Contains("Approved", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/admin/comments/{first}", rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Looks fine", rows[1].QuerySelector(".audit-table__note")!.TextContent.Trim());
        Assert.NotNull(rows[1].QuerySelector("time[datetime]"));
    }
}
