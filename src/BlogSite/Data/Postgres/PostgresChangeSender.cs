using System.Threading.Channels;
using Npgsql;

namespace BlogSite.Data.Postgres;

/// <summary>
/// Tells the other instances on this PostgreSQL database of each change raised here: a <c>NOTIFY</c> on
/// <see cref="PostgresChangeListener.Channel"/>, sent after the write committed (changes are raised after commit),
/// from a queue, so a write never waits for it. If PostgreSQL does not answer, changes wait in the queue and are sent
/// with retries; past the queue's bound the others are told that everything changed.
/// </summary>
public sealed class PostgresChangeSender(BlogStore store, BlogInstance instance, ILogger<PostgresChangeSender> logger)
    : BackgroundService, IBlogChangeRelay
{
    private const int MaxQueued = 10_000;
    private const int MaxBatch = 100;

    private readonly Channel<BlogChange> queue = Channel.CreateBounded<BlogChange>(
        new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private volatile bool overflowed;

    public void OnChanged(BlogChange change)
    {
        if (!queue.Writer.TryWrite(change))
        {
            overflowed = true;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<string>();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var change))
                {
                    batch.Add(BlogChangeMessage.Write(instance.Id, change));
                }

                if (overflowed)
                {
                    overflowed = false;
                    batch = [BlogChangeMessage.Write(instance.Id, BlogChange.Site)];
                }

                await SendAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(List<string> messages, CancellationToken ct)
    {
        var retry = PostgresChangeListener.FirstRetry;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(store.ConnectionString);
                await connection.OpenAsync(ct);
                await using var batch = new NpgsqlBatch(connection);
                foreach (var message in messages)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                    {
                        Parameters = { new() { Value = PostgresChangeListener.Channel }, new() { Value = message } },
                    });
                }

                await batch.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not tell the other instances of {Count} changes; retrying in {Delay}", messages.Count, retry);
                await Task.Delay(retry, ct);
                retry = PostgresChangeListener.Next(retry);
            }
        }
    }
}
