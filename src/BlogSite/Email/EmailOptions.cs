using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace BlogSite.Email;

/// <summary>
/// How the site sends e-mail. With no <see cref="SmtpOptions.Host"/> it sends nothing, says so once at start-up, and
/// every e-mail feature (password reset, notifications, subscriptions, /admin/email) is hidden.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; init; } = new();

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>Tries a message gets before it is marked failed; the waits between them double from a minute.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Messages one pass of the worker claims; the rest wait for the next pass, which follows at once.</summary>
    [Range(1, 500)]
    public int BatchSize { get; init; } = 20;

    /// <summary>How often the worker looks for due messages when nothing has woken it (another instance's, a retry's).</summary>
    [Range(1, 3_600)]
    public int PollSeconds { get; init; } = 30;

    /// <summary>How long a claim keeps other workers off a message; a send taking longer is cut off before it ends.</summary>
    [Range(30, 3_600)]
    public int LeaseSeconds { get; init; } = 300;

    /// <summary>How long a password-reset link works.</summary>
    [Range(5, 1_440)]
    public int PasswordResetMinutes { get; init; } = 60;

    /// <summary>How long the approve / hide / spam links in a moderator's message work.</summary>
    [Range(1, 720)]
    public int ModerationLinkHours { get; init; } = 72;

    /// <summary>Requests one address may make per minute to the pages that links in e-mail open.</summary>
    [Range(1, 100_000)]
    public int LinkRequestsPerMinute { get; init; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Nested options are not validated by data annotations: the SMTP settings are checked here.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult($"Email:Smtp: {result.ErrorMessage}", result.MemberNames.Select(m => "Smtp." + m));
        }

        if (!IsEnabled)
        {
            yield break;
        }

        if (LeaseSeconds < Smtp.TimeoutSeconds + 30)
        {
            yield return new ValidationResult($"Email:LeaseSeconds ({LeaseSeconds}) must be at least Email:Smtp:TimeoutSeconds ({Smtp.TimeoutSeconds}) plus 30, so a slow send ends before its claim does.", [nameof(LeaseSeconds)]);
        }

        if (string.IsNullOrWhiteSpace(Smtp.From))
        {
            yield return new ValidationResult("Email:Smtp:From is required when Email:Smtp:Host is set: the address messages come from, e.g. \"My Blog <blog@example.com>\".", ["Smtp.From"]);
        }
        else if (!MailboxAddress.TryParse(Smtp.From, out _))
        {
            yield return new ValidationResult($"Email:Smtp:From '{Smtp.From}' is not an e-mail address; write it as blog@example.com or \"My Blog <blog@example.com>\".", ["Smtp.From"]);
        }

        if (string.IsNullOrEmpty(Smtp.User) != string.IsNullOrEmpty(Smtp.Password))
        {
            yield return new ValidationResult("Email:Smtp:User and Email:Smtp:Password go together: set both to sign in to the server, or neither.", ["Smtp.User"]);
        }
    }
}

public sealed class SmtpOptions
{
    [StringLength(253)]
    public string? Host { get; init; }

    [Range(1, 65_535)]
    public int Port { get; init; } = 587;

    /// <summary>
    /// Encrypt the connection: on port 465 TLS from the first byte, on any other port STARTTLS, required — a server
    /// that does not offer it is refused rather than sent the password in the clear. Off only for a local relay.
    /// </summary>
    public bool UseTls { get; init; } = true;

    [StringLength(256)]
    public string? User { get; init; }

    [StringLength(256)]
    public string? Password { get; init; }

    /// <summary>The sender, e.g. "My Blog &lt;blog@example.com&gt;"; required when a host is set.</summary>
    [StringLength(320)]
    public string? From { get; init; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; init; } = 60;
}
