using BlogSite.Web;

namespace BlogSite.Tests.Web;

public sealed class AddressTemplateTests
{
    [Fact]
    public void ForId_FillsTheStandInOfTheQuery_NotTheSameDigitsInTheSlug()
    {
        var template = AddressTemplate.ForId($"/articles/notes-{AddressTemplate.StandInId}?replyTo={AddressTemplate.StandInId}#comment-form");

        Assert.Equal($"/articles/notes-{AddressTemplate.StandInId}?replyTo=42#comment-form", template.With(42));
    }

    [Fact]
    public void ForSlug_FillsTheSlug_AndEscapesWhatIsNotOne()
    {
        var template = AddressTemplate.ForSlug($"https://blog.example/tags/{AddressTemplate.StandInSlug}");

        Assert.Equal("https://blog.example/tags/go-routines", template.With("go-routines"));
        Assert.Equal("https://blog.example/tags/a%2Fb%20c", template.With("a/b c"));
    }

    [Fact]
    public void AddressWithoutTheStandIn_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => AddressTemplate.ForId("/comments/7/report"));
    }
}
