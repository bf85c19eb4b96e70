using Npgsql;

namespace BlogSite.Data.Postgres;

/// <summary>
/// Hears the changes other instances on this PostgreSQL database send (<see cref="PostgresChangeSender"/>) on a
/// connection of its own that <c>LISTEN</c>s, and applies each to this instance's copies as if it were raised here.
/// While that connection is down nothing is heard, so every copy is dropped when it is lost and again once it is back
/// (what changed meanwhile is unknown), and it reconnects after a pause that grows to <see cref="LastRetry"/>.
/// </summary>
public sealed class PostgresChangeListener(BlogStore store, BlogInstance instance, BlogChanges changes, ILogger<PostgresChangeListener> logger)
    : BackgroundService
{
    public const string Channel = "blogsite_changes";

    /// <summary>The listening connection's name on the server: one session of it per running instance.</summary>
    public const string ApplicationName = "BlogSite change listener";

    internal static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    internal static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private volatile bool listening;

    /// <summary>A change another instance sends from now on reaches this one.</summary>
    public bool IsListening => listening;

    internal static TimeSpan Next(TimeSpan retry) => retry * 2 < LastRetry ? retry * 2 : LastRetry;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException
                    && !stoppingToken.IsCancellationRequested)
                {
                    if (listening)
                    {
                        listening = false;
                        changes.ApplyFromElsewhere(BlogChange.Site);
                        retry = FirstRetry;
                    }

                    logger.LogWarning(ex, "No connection to hear other instances' changes (cached pages dropped); trying again in {Delay}", retry);
                    await Task.Delay(retry, stoppingToken);
                    retry = Next(retry);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Out of the pool, so nothing else uses it, with keepalives, so that a server gone away is noticed.
        var connectionString = new NpgsqlConnectionStringBuilder(store.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = ApplicationName,
        }.ToString();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => Receive(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        changes.ApplyFromElsewhere(BlogChange.Site);
        listening = true;
        logger.LogInformation("Hearing other instances' changes on the PostgreSQL channel {Channel}", Channel);
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }

    private void Receive(string message)
    {
        if (BlogChangeMessage.Read(message) is not { } received)
        {
            logger.LogWarning("Ignored a message on {Channel} that is not a change: {Message}", Channel, message.Length > 200 ? message[..200] : message);
        }
        else if (received.Instance != instance.Id)
        {
            changes.ApplyFromElsewhere(received.Change);
        }
    }
}
