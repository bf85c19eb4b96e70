using BlogSite.Content;
using BlogSite.Pages.Comments;
using BlogSite.Tests.Support;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Pages.Comments;

public sealed class CommentScreeningTests : IDisposable
{
    private readonly CommentRenderer renderer = Renderers.Comments();

    public void Dispose() => renderer.Dispose();

    private CommentScreening Screening(CommentOptions options) => new(renderer, Options.Create(options));

    [Fact]
    public void ReasonToHold_PlainComment_None() =>
        Assert.Null(Screening(new CommentOptions()).ReasonToHold("Thanks, this helped with [the docs](https://example.org)."));

    [Fact]
    public void ReasonToHold_HoldAll_EveryComment() =>
        Assert.Equal("Every comment waits for approval", Screening(new CommentOptions { Policy = CommentPolicy.HoldAll }).ReasonToHold("Hello."));

    [Fact]
    public void ReasonToHold_TooManyLinks_CountsThem() =>
        Assert.Equal("Contains 3 links (more than 2)",
            Screening(new CommentOptions { MaxLinks = 2 }).ReasonToHold("[a](https://a.example) [b](https://b.example) https://c.example"));

    [Fact]
    public void ReasonToHold_BlockedWord_NamesIt() =>
        Assert.Equal("Contains the blocked word \"casino\"",
            Screening(new CommentOptions { Blocklist = ["casino"] }).ReasonToHold("Visit my CASINO today"));

    [Theory]
    [InlineData(5, 2, null)]
    [InlineData(3, 3, "Reported by 3 readers")]
    [InlineData(7, 3, "Reported by 7 readers from 3 addresses")]
    public void ReasonToHoldReported_CountsAddresses_NotKeys(int readers, int addresses, string? reason) =>
        Assert.Equal(reason, Screening(new CommentOptions { ReportsToHold = 3 }).ReasonToHoldReported(readers, addresses));
}
