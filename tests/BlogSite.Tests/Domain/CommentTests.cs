using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class CommentTests
{
    private static Comment Make(CommentStatus status, string? held = null) =>
        new() { AuthorName = "Ada", Body = "Hi", Status = status, HeldReason = held };

    [Theory]
    [InlineData(ModerationAction.Approve, CommentStatus.Pending, CommentStatus.Published)]
    [InlineData(ModerationAction.Hide, CommentStatus.Published, CommentStatus.Hidden)]
    [InlineData(ModerationAction.MarkSpam, CommentStatus.Hidden, CommentStatus.Spam)]
    [InlineData(ModerationAction.Delete, CommentStatus.Spam, CommentStatus.Deleted)]
    [InlineData(ModerationAction.Restore, CommentStatus.Deleted, CommentStatus.Published)]
    public void Moderate_Move_ChangesTheStatus(ModerationAction action, CommentStatus from, CommentStatus to)
    {
        var comment = Make(from);

        Assert.Equal(to, comment.Moderate(action));
        Assert.Equal(to, comment.Status);
    }

    [Theory]
    [InlineData(ModerationAction.Approve, CommentStatus.Published)]
    [InlineData(ModerationAction.Restore, CommentStatus.Pending)]
    [InlineData(ModerationAction.HeldAutomatically, CommentStatus.Published)]
    public void Moderate_NoMove_LeavesTheComment(ModerationAction action, CommentStatus from)
    {
        var comment = Make(from, held: "Reported by 3 readers");

        Assert.Null(comment.Moderate(action));
        Assert.Equal((from, "Reported by 3 readers"), (comment.Status, comment.HeldReason));
    }

    [Fact]
    public void Moderate_Approve_ClearsWhyItWasHeld()
    {
        var comment = Make(CommentStatus.Pending, held: "Contains 3 links (more than 2)");

        comment.Moderate(ModerationAction.Approve);

        Assert.Null(comment.HeldReason);
    }

    [Fact]
    public void MovesFrom_EveryOfferedMove_ChangesTheComment()
    {
        foreach (var status in Enum.GetValues<CommentStatus>())
        {
            Assert.All(Comment.MovesFrom(status), action => Assert.NotNull(Comment.StatusAfter(action, status)));
        }
    }
}
