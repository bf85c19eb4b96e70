using BlogSite.Email;

namespace BlogSite.Areas.Admin.Pages.Email;

public sealed record TestMessage(string Name, string Server);

/// <summary>The message an Admin sends themself from /admin/email to see that the settings work.</summary>
public sealed class TestMessageEmail : IEmailTemplate<TestMessage>
{
    public const string KindName = "test";

    public string Kind => KindName;

    public string Subject(TestMessage model) => "A test message";

    public void Write(EmailBody body, TestMessage model)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(model);
        body.Paragraph($"Hello {model.Name},")
            .Paragraph($"This is the test message you asked for on the e-mail page. It went through {model.Server}, so the site's e-mail settings work.")
            .Note("You get this because you pressed \"Send a test message to me\".");
    }
}
