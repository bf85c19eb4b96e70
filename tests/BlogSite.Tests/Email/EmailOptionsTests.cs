using System.ComponentModel.DataAnnotations;
using BlogSite.Email;

namespace BlogSite.Tests.Email;

public sealed class EmailOptionsTests
{
    private static List<string> Problems(EmailOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }

    [Fact]
    public void NoHost_IsOff_AndValid()
    {
        var options = new EmailOptions();

        Assert.False(options.IsEnabled);
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Host_WithoutFrom_IsRefusedNamingTheKey()
    {
        var problems = Problems(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.example.com" } });

        Assert.Contains(problems, p => p.StartsWith("Email:Smtp:From is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not an address", "is not an e-mail address")]
    [InlineData("Blog <blog@example.com>", null)]
    public void From_IsAnAddress(string from, string? problem)
    {
        var problems = Problems(new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.example.com", From = from } });

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void UserWithoutPassword_AndALeaseShorterThanASend_AreRefused()
    {
        var problems = Problems(new EmailOptions
        {
            LeaseSeconds = 60,
            Smtp = new SmtpOptions { Host = "smtp.example.com", From = "blog@example.com", User = "blog", TimeoutSeconds = 60 },
        });

        Assert.Contains(problems, p => p.StartsWith("Email:Smtp:User and Email:Smtp:Password go together", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Email:LeaseSeconds (60) must be at least", StringComparison.Ordinal));
    }
}
