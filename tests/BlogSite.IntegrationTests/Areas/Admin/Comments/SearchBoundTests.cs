using BlogSite.Areas.Admin.Pages.Comments;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Areas.Admin.Comments;

/// <summary>A site of its own: the newest comments here would push other tests' comments out of the searched bound.</summary>
public sealed class SearchBoundTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task TextSearch_ReadsTheNewestComments_AndSaysSo_UnlessAnArticleNarrowsIt()
    {
        var marker = AdminData.Marker();
        var old = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"An old comment {marker}", createdAt: DateTime.UtcNow.AddDays(-30));
        await factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == AdminData.ArticleSlug).Select(a => a.Id).SingleAsync();
            db.Comments.AddRange(Enumerable.Range(0, ModerationQueries.MaxSearched).Select(i => new Comment
            {
                ArticleId = articleId,
                AuthorName = "Newer reader",
                Body = $"Newer comment {i}",
                Status = CommentStatus.Pending,
                CreatedAt = DateTime.UtcNow.AddMinutes(-i),
                PosterHash = "test",
            }));
            return await db.SaveChangesAsync();
        });
        var client = (await AdminData.SignInAsync(factory, Roles.Moderator)).Client;

        var bounded = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?q={marker}"));
        var narrowed = await BlogFactory.ParseAsync(await client.GetAsync($"/admin/comments?q={marker}&article={AdminData.ArticleSlug}"));

        Assert.Empty(bounded.QuerySelectorAll("tr.mod-row"));
        Assert.Contains("newest 10,000 comments", bounded.QuerySelector(".notice[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([$"comment-{old}"], narrowed.QuerySelectorAll("tr.mod-row").Select(row => row.Id));
        Assert.Null(narrowed.QuerySelector(".notice[role=status]"));
    }
}
