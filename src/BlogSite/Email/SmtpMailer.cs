using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BlogSite.Email;

/// <summary>What became of one message handed to the SMTP server.</summary>
public enum SendOutcome
{
    /// <summary>The server acknowledged the message's data: it is the server's now.</summary>
    Sent,

    /// <summary>The server answered no (a 4xx or 5xx reply): it did not take the message.</summary>
    Refused,

    /// <summary>It failed before the message's data began (connecting, the sender or recipient): surely not delivered.</summary>
    NotSent,

    /// <summary>The connection ended after the data began and before the server's answer: it may have been delivered.</summary>
    Unknown,
}

public sealed record SendResult(SendOutcome Outcome, string? Error = null, bool Permanent = false);

/// <summary>Turns outbox rows into MIME messages and hands them to the configured SMTP server over one connection.</summary>
public sealed class SmtpMailer(IOptions<EmailOptions> options, ILogger<SmtpMailer> logger)
{
    /// <summary>A connection for a batch of messages; null, with the reason, when the server can't be reached or refuses the sign-in.</summary>
    public async Task<(Connection? Connection, string? Error)> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new TrackingSmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = !smtp.UseTls ? SecureSocketOptions.None
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            }

            return (new Connection(client, options.Value, logger), null);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SslHandshakeException or AuthenticationException
            or SmtpCommandException or SmtpProtocolException or ProtocolException or NotSupportedException or TimeoutException)
        {
            client.Dispose();
            return (null, $"Could not connect to {smtp.Host}:{smtp.Port}: {ex.Message}");
        }
    }

    /// <summary>The message as it goes out: both parts, a Message-Id made from its key, and the unsubscribe headers when it has a link.</summary>
    public static MimeMessage Build(OutboxMessage message, EmailOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var from = MailboxAddress.Parse(options.Smtp.From!);
        var mime = new MimeMessage { Subject = message.Subject, Date = now };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.To));

        // The same event for the same person has the same id whoever sends it and however often, so a receiving
        // system that has seen it can tell a resend (by an Admin's retry) from a new message.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..40];
        mime.MessageId = $"{hash}@{from.Domain}";
        // Automatic mail: an out-of-office reply should not answer it (RFC 3834).
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            // RFC 8058: a mail provider's "unsubscribe" button POSTs List-Unsubscribe=One-Click to that address.
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }

    /// <summary>One open connection; each send says what became of its message.</summary>
    public sealed class Connection(TrackingSmtpClient client, EmailOptions options, ILogger logger) : IAsyncDisposable
    {
        /// <summary>False once the connection broke: the batch's next message needs a new one.</summary>
        public bool IsUsable => client.IsConnected;

        public async Task<SendResult> SendAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct)
        {
            MimeMessage mime;
            try
            {
                mime = Build(message, options, now);
            }
            catch (ParseException ex)
            {
                return new SendResult(SendOutcome.Refused, $"The address '{message.To}' can't be used: {ex.Message}", Permanent: true);
            }

            client.DataMayHaveBegun = false;
            try
            {
                await client.SendAsync(mime, ct);
                return new SendResult(SendOutcome.Sent);
            }
            catch (SmtpCommandException ex)
            {
                // The server's own answer, whatever the step: it has not taken the message. 5xx is final.
                var code = (int)ex.StatusCode;
                return new SendResult(SendOutcome.Refused, $"The server refused it ({code}): {ex.Message}", Permanent: code is >= 500 and < 600);
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ProtocolException or OperationCanceledException or TimeoutException)
            {
                logger.LogWarning(ex, "The connection to the mail server ended while sending outbox message {Id}", message.Id);
                return client.DataMayHaveBegun
                    ? new SendResult(SendOutcome.Unknown, $"The connection ended after the message was handed over and before the server answered ({ex.Message}); it may have been delivered.")
                    : new SendResult(SendOutcome.NotSent, $"The connection ended before the message was handed over: {ex.Message}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ProtocolException or OperationCanceledException or SmtpCommandException)
            {
                // Everything sent is recorded already; a QUIT that fails changes none of it.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// An SMTP client that notes when the server has accepted a recipient: MailKit sends the data only after that,
    /// so a failure before it cannot have delivered anything, and a failure after it may have.
    /// </summary>
    public sealed class TrackingSmtpClient : SmtpClient
    {
        public bool DataMayHaveBegun { get; set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            base.OnRecipientAccepted(message, mailbox, response);
            DataMayHaveBegun = true;
        }
    }
}
