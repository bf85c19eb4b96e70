using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using BlogSite.Data;
using BlogSite.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlogSite.Accounts;

public sealed record PasswordResetMessage(string Name, string Url, int Minutes);

/// <summary>The message with a staff member's reset link; an account mail, so it has no unsubscribe link.</summary>
public sealed class PasswordResetEmail : IEmailTemplate<PasswordResetMessage>
{
    public const string KindName = "password-reset";

    public string Kind => KindName;

    public string Subject(PasswordResetMessage model) => "Reset your password";

    public void Write(EmailBody body, PasswordResetMessage model)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(model);
        body.Paragraph($"Hello {model.Name},")
            .Paragraph("Someone, probably you, asked to reset the password of your account. Choose a new one here:")
            .Link("Choose a new password", model.Url)
            .Note($"The link works once, for {model.Minutes} minutes. If you didn't ask, ignore this message: your password stays as it is.");
    }
}

public enum ResetLinkState
{
    Valid,

    /// <summary>Not a link this site made, or altered since.</summary>
    Invalid,

    Expired,

    /// <summary>Used already (the password changed since it was made), or the account can't sign in any more.</summary>
    Used,
}

/// <summary>
/// Password reset by e-mail. Asking never says whether the address has an account, in words or in time: the page
/// hands the address to <see cref="PasswordResetRequests"/> and answers at once, alike for every address, and the
/// lookup and the message happen after the answer (the sign-in page evens out its one costly step, the password
/// hash; here the uneven step is a write to the store, which only leaving the request can hide). The link seals
/// the account, Identity's reset token and an expiry: the expiry is the site's clock's, and the token is
/// single-use because a reset changes the account's security stamp, which also ends its other sessions.
/// </summary>
public sealed class PasswordReset(
    UserManager<BlogUser> users,
    BlogDbContext db,
    EmailComposer composer,
    EmailLinks links,
    IDataProtectionProvider protection,
    IOptions<EmailOptions> options,
    TimeProvider clock)
{
    public const int MaxTokenLength = 2_048;

    /// <summary>One message per account in this long, however often its address is asked for.</summary>
    public static readonly TimeSpan MessageInterval = TimeSpan.FromMinutes(10);

    private readonly IDataProtector protector = protection.CreateProtector("BlogSite.Accounts.PasswordReset");

    /// <summary>Queues a reset message for the account with <paramref name="email"/>, if there is one that may sign in.</summary>
    public async Task SendAsync(string email, string origin, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.IsDisabled || user.Email is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = options.Value.PasswordResetMinutes;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var sealedLink = Seal(user.Id, token, now.AddMinutes(minutes));
        var url = links.Page("/Account/ResetPassword", new { token = sealedLink }, origin: origin);
        var period = now.Ticks / MessageInterval.Ticks;
        Outbox.Enqueue(db, composer.Compose(new PasswordResetEmail(), new PasswordResetMessage(user.DisplayName, url, minutes),
            $"password-reset:{user.Id}:{period.ToString(CultureInfo.InvariantCulture)}", user.Email));
        await db.SaveChangesAsync(ct);
    }

    public async Task<ResetLinkState> CheckAsync(string? link)
    {
        var (state, user, token) = await OpenAsync(link);
        return state != ResetLinkState.Valid ? state
            : await users.VerifyUserTokenAsync(user!, users.Options.Tokens.PasswordResetTokenProvider, UserManager<BlogUser>.ResetPasswordTokenPurpose, token!)
                ? ResetLinkState.Valid : ResetLinkState.Used;
    }

    /// <summary>Sets the new password: the link's state, and when it is valid the password rules' complaints (none: done).</summary>
    public async Task<(ResetLinkState State, IReadOnlyList<string> Errors)> ResetAsync(string? link, string password)
    {
        var (state, user, token) = await OpenAsync(link);
        if (state != ResetLinkState.Valid)
        {
            return (state, []);
        }

        var result = await users.ResetPasswordAsync(user!, token!, password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return (ResetLinkState.Used, []);
        }

        if (result.Succeeded)
        {
            // The reset proves the address's owner: wrong passwords tried before it no longer count against them.
            await users.SetLockoutEndDateAsync(user!, null);
            await users.ResetAccessFailedCountAsync(user!);
        }

        return (ResetLinkState.Valid, result.Errors.Select(e => e.Description).ToList());
    }

    private string Seal(string userId, string token, DateTime expires) =>
        Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(
            string.Join('\n', userId, expires.Ticks.ToString(CultureInfo.InvariantCulture), token))));

    private async Task<(ResetLinkState State, BlogUser? User, string? Token)> OpenAsync(string? link)
    {
        if (string.IsNullOrEmpty(link) || link.Length > MaxTokenLength || !Base64Url.IsValid(link))
        {
            return (ResetLinkState.Invalid, null, null);
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(link))).Split('\n', 3);
        }
        catch (CryptographicException)
        {
            return (ResetLinkState.Invalid, null, null);
        }

        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (ResetLinkState.Invalid, null, null);
        }

        if (new DateTime(expires, DateTimeKind.Utc) <= clock.GetUtcNow().UtcDateTime)
        {
            return (ResetLinkState.Expired, null, null);
        }

        var user = await users.FindByIdAsync(parts[0]);
        return user is null || user.IsDisabled ? (ResetLinkState.Used, null, null) : (ResetLinkState.Valid, user, parts[2]);
    }
}

/// <summary>
/// Addresses asked for on the "forgot your password" page, handled after the page has answered (see
/// <see cref="PasswordReset"/>). Bounded: past <see cref="Capacity"/> waiting, an address is dropped, as one from a
/// flood; the per-address limit of the sign-in page comes first.
/// </summary>
public sealed class PasswordResetRequests(IServiceScopeFactory scopes, ILogger<PasswordResetRequests> logger) : BackgroundService
{
    public const int Capacity = 100;

    private readonly Channel<(string Email, string Origin)> asked =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Every address is taken alike; whether it has an account is found out later.</summary>
    public void Ask(string email, string origin) => asked.Writer.TryWrite((email, origin));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (email, origin) in asked.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PasswordReset>().SendAsync(email, origin, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Could not queue a password-reset message");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
