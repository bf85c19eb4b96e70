using BlogSite.Email;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Email;

public sealed class EmailTemplateTests
{
    private sealed record Greeting(string Name, string Url);

    private sealed class GreetingEmail : IEmailTemplate<Greeting>
    {
        public string Kind => "greeting";

        public string Subject(Greeting model) => "Hello " + model.Name;

        public void Write(EmailBody body, Greeting model) => body
            .Paragraph($"Dear {model.Name},\nwelcome.")
            .Quote("> not a tag <b>", "<p>sanitized <em>HTML</em></p>")
            .Link("Open <it>", model.Url);
    }

    private static readonly EmailComposer Composer = new(Options.Create(new SiteOptions { Title = "Fen & Marsh", BaseUrl = "https://fen.example" }));

    [Fact]
    public void Compose_WritesTextAndHtmlFromOneBody_EncodingEveryText()
    {
        var message = Composer.Compose(new GreetingEmail(), new Greeting("<script>Eve</script>", "https://fen.example/a?b=1&c=2"), "k:1", "eve@example.com");

        Assert.Equal(("greeting", "k:1", "eve@example.com", "Hello <script>Eve</script>"), (message.Kind, message.IdempotencyKey, message.To, message.Subject));
        Assert.StartsWith("Fen & Marsh\n\nDear <script>Eve</script>,\nwelcome.\n\n", message.Text, StringComparison.Ordinal);
        Assert.Contains("> > not a tag <b>\n", message.Text, StringComparison.Ordinal);
        Assert.Contains("Open <it>:\nhttps://fen.example/a?b=1&c=2\n", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.Html, StringComparison.Ordinal);
        Assert.Contains("Dear &lt;script&gt;Eve&lt;/script&gt;,<br>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<p>sanitized <em>HTML</em></p>", message.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://fen.example/a?b=1&amp;c=2\"", message.Html, StringComparison.Ordinal);
        Assert.Contains("Fen &amp; Marsh", message.Html, StringComparison.Ordinal);
        Assert.Null(message.UnsubscribeUrl);
        Assert.DoesNotContain("Unsubscribe", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithAnUnsubscribeLink_PutsItInBothFooters()
    {
        var message = Composer.Compose(new GreetingEmail(), new Greeting("Ann", "https://fen.example/"), "k:2", "ann@example.com", "https://fen.example/email/unsubscribe?token=abc");

        Assert.Equal("https://fen.example/email/unsubscribe?token=abc", message.UnsubscribeUrl);
        Assert.Contains("-- \nUnsubscribe from these messages:\nhttps://fen.example/email/unsubscribe?token=abc\n", message.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://fen.example/email/unsubscribe?token=abc\"", message.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative")]
    public void Link_ThatIsNotAnAbsoluteHttpAddress_IsRefused(string url) =>
        Assert.Throws<ArgumentException>(() => new EmailBody().Link("x", url));
}
