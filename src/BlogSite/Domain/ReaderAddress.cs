namespace BlogSite.Domain;

/// <summary>
/// A reader's e-mail address, kept only to send what it asked for (replies to a comment, new articles) and removed
/// with its last subscription. Nothing but the confirmation goes to it until its owner follows the confirmation link:
/// anyone can type an address into a form, so an address is taken as asking only once its owner says so.
/// </summary>
public sealed class ReaderAddress
{
    /// <summary>The length of <see cref="Secret"/>: 32 characters of base64url, 192 random bits.</summary>
    public const int SecretLength = 32;

    public int Id { get; set; }

    /// <summary>As <see cref="EmailAddress.Normalise"/> made it, so that one mailbox is one row.</summary>
    public required string Email { get; set; }

    /// <summary>What the confirmation link carries; compared in constant time, never shown on a page.</summary>
    public required string Secret { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>When the last confirmation was sent: no second one goes to the address within the window.</summary>
    public DateTime? ConfirmationSentAt { get; set; }

    /// <summary>
    /// The salted hash of the client address that caused the last confirmation (never the client address itself),
    /// so that one client mailing confirmations to many strangers is counted and stopped.
    /// </summary>
    public string? ConfirmationRequestedBy { get; set; }

    public List<ReplySubscription> ReplySubscriptions { get; } = [];
    public ArticleSubscription? ArticleSubscription { get; set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>Whether a confirmation may go to this address now: never once confirmed, once per <paramref name="window"/> before.</summary>
    public bool MaySendConfirmation(DateTime now, TimeSpan window) =>
        !IsConfirmed && (ConfirmationSentAt is not { } sent || sent + window <= now);

    /// <summary>The owner followed the link: from now on the address gets what it subscribed to. Confirming twice changes nothing.</summary>
    public void Confirm(DateTime now) => ConfirmedAt ??= now;
}
