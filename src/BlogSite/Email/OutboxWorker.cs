using Microsoft.Extensions.Options;

namespace BlogSite.Email;

/// <summary>
/// Sends the outbox: woken when a message is committed (<see cref="OutboxSignal"/>) and every
/// <see cref="EmailOptions.PollSeconds"/> (for retries, and for messages another instance stored).
/// </summary>
/// <remarks>
/// Never twice, never silently lost: a message is claimed — its row marked as this worker's, an attempt counted —
/// before a byte of it goes to the server, and the server's answer is recorded the moment it comes. What the server
/// did with a message is therefore unknown only when the worker stops between the two: then the claim's lease runs
/// out with no outcome, and the message is marked failed with that said (<see cref="OutboxLedger.UnknownOutcome"/>)
/// rather than sent again, since the server may have taken it; an Admin who learns it never came retries it. So
/// that a restart does not land there, a stopping host lets the message in hand finish and be recorded (the send
/// is bounded by the lease, not cut by the stop) and claims no next one. A failure the server states, or one before
/// the data began, is certain, and retried with backoff up to <see cref="EmailOptions.MaxAttempts"/>.
/// </remarks>
public sealed class OutboxWorker(
    IServiceScopeFactory scopes,
    SmtpMailer mailer,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    // The send must end, and be recorded, while the lease still holds, so no other worker judges it abandoned.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var email = options.Value;
        if (!email.IsEnabled)
        {
            logger.LogInformation("E-mail is off (no Email:Smtp:Host): the site sends nothing, and password reset, notifications and /admin/email are hidden");
            return;
        }

        logger.LogInformation("E-mail goes through {Host}:{Port} from {From}", email.Smtp.Host, email.Smtp.Port, email.Smtp.From);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The store was unreachable or full; what was claimed is recorded or left to its lease. Try at the next poll.
                logger.LogError(ex, "Sending the outbox failed; it is tried again in {Seconds} s", email.PollSeconds);
            }

            if (more)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(email.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: up to <see cref="EmailOptions.BatchSize"/> due messages over one connection; true when more may be due.</summary>
    public async Task<bool> SendDueAsync(CancellationToken stoppingToken)
    {
        var email = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<OutboxLedger>();
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = await ledger.GiveUpAbandonedAsync(now, stoppingToken);
        if (abandoned > 0)
        {
            logger.LogWarning("{Count} outbox message(s) were being sent when a worker stopped; marked failed as their delivery is unknown", abandoned);
        }

        if (!await ledger.AnyDueAsync(now, stoppingToken))
        {
            return false;
        }

        SmtpMailer.Connection? connection = null;
        try
        {
            for (var sent = 0; sent < email.BatchSize; sent++)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return false;
                }

                if (connection is not { IsUsable: true })
                {
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }

                    (connection, var error) = await mailer.ConnectAsync(stoppingToken);
                    if (connection is null)
                    {
                        await RecordUnreachableAsync(ledger, error!, stoppingToken);
                        return false;
                    }
                }

                var lease = TimeSpan.FromSeconds(email.LeaseSeconds);
                var token = Guid.NewGuid().ToString("N");
                now = clock.GetUtcNow().UtcDateTime;
                var message = await ledger.ClaimNextAsync(token, now, now + lease, stoppingToken);
                if (message is null)
                {
                    return false;
                }

                using var sending = new CancellationTokenSource(lease - LeaseMargin);
                var result = await connection.SendAsync(message, clock.GetUtcNow(), sending.Token);
                if (!await ledger.RecordAsync(message, token, result, clock.GetUtcNow().UtcDateTime))
                {
                    logger.LogWarning("Outbox message {Id} was no longer this worker's when its outcome ({Outcome}) came", message.Id, result.Outcome);
                }
                else if (result.Outcome != SendOutcome.Sent)
                {
                    logger.LogWarning("Outbox message {Id} ({Kind}) was not sent on attempt {Attempt}: {Error}", message.Id, message.Kind, message.Attempts, result.Error);
                }
            }

            return true;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    // The server can't be reached: the first due message takes the failed attempt (and its backoff), so a server
    // that stays down ends in one failure a message at a time rather than every message's budget at once.
    private async Task RecordUnreachableAsync(OutboxLedger ledger, string error, CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ledger.ClaimNextAsync(token, now, now + TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct) is { } message)
        {
            await ledger.RecordAsync(message, token, new SendResult(SendOutcome.NotSent, error), now);
        }

        logger.LogWarning("The mail server could not be reached: {Error}", error);
    }
}
