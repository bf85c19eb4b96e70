using BlogSite.Domain;

namespace BlogSite.Tests.Domain;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("  Ann.Lee@Example.COM ", "ann.lee@example.com")]
    [InlineData("ann+blog@mail.example.org", "ann+blog@mail.example.org")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("zoë@exämple.de", "zoë@exämple.de")]
    public void Normalise_Address_IsOneMailboxLowerCased(string typed, string stored) =>
        Assert.Equal(stored, EmailAddress.Normalise(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("ann@localhost")]
    [InlineData("ann@@example.com")]
    [InlineData("ann@bob@example.com")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("ann@example.com, bob@example.com")]
    [InlineData("ann lee@example.com")]
    [InlineData("\"ann\"@example.com")]
    [InlineData(".ann@example.com")]
    [InlineData("ann.@example.com")]
    [InlineData("an..n@example.com")]
    [InlineData("ann@-example.com")]
    [InlineData("ann@example..com")]
    [InlineData("ann@[192.0.2.1]")]
    [InlineData("ann@example.com\r\nBcc: eve@example.com")]
    public void Normalise_NotAnAddressToSendTo_IsNull(string? typed) => Assert.Null(EmailAddress.Normalise(typed));

    [Fact]
    public void Normalise_TooLong_IsNull()
    {
        Assert.Null(EmailAddress.Normalise(new string('a', 65) + "@example.com"));
        Assert.Null(EmailAddress.Normalise("ann@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".com"));
        Assert.NotNull(EmailAddress.Normalise(new string('a', 64) + "@example.com"));
    }
}
