using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BlogSite.IntegrationTests;

/// <summary>
/// A real SMTP server on a free loopback port, in process, keeping what it receives: the site sends to it through
/// MailKit exactly as to a mail provider. A test can make it refuse the next messages or hold one (receive the data
/// and not yet answer), to see what the outbox does. Point a factory at it with <see cref="BlogFactory.UseSmtp"/>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private readonly Lock gate = new();
    private readonly List<ReceivedMessage> received = [];
    private readonly Queue<SmtpReplyCode> refusals = new();
    private TaskCompletionSource<bool>? changed;
    private Hold? nextHold;

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.blogsite.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
    }

    public int Port { get; }

    /// <summary>How long the server takes over each message's data before answering, to make sends overlap.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>What the server accepted (a held message counts once its data is in, as a real server would have it).</summary>
    public IReadOnlyList<ReceivedMessage> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    public static async Task<TestSmtpServer> StartAsync()
    {
        // The OS picks a free port; the server then listens on it (a race only with another process taking it in between).
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var smtp = new TestSmtpServer(port);
        await smtp.WaitUntilListeningAsync();
        return smtp;
    }

    /// <summary>The next <paramref name="count"/> messages get <paramref name="code"/> (451, a local error, by default) at the end of their data.</summary>
    public void Refuse(int count = 1, SmtpReplyCode code = (SmtpReplyCode)451)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                refusals.Enqueue(code);
            }
        }
    }

    /// <summary>The next message's data is received and kept, and its answer waits until the hold is released.</summary>
    public Hold HoldNext()
    {
        lock (gate)
        {
            nextHold = new Hold();
            return nextHold;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have been received, and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(int count = 1, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task waiting;
            lock (gate)
            {
                if (received.Count >= count)
                {
                    return [.. received];
                }

                changed ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting = changed.Task;
            }

            try
            {
                await waiting.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited for {count} message(s); {Received.Count} arrived: {string.Join(", ", Received.Select(m => m.Message.Subject))}.");
            }
        }
    }

    /// <summary>The one message to <paramref name="address"/>, waiting for it; fails when another arrives for that address too.</summary>
    public async Task<ReceivedMessage> SingleForAsync(string address, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (!cancel.IsCancellationRequested)
        {
            var mine = Received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();
            if (mine.Count > 0)
            {
                return Assert.Single(mine);
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"No message to {address} arrived; the server has {Received.Count}.");
    }

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            nextHold?.Release();
        }

        server.Shutdown();
        await Task.WhenAny(server.ShutdownTask, Task.Delay(TimeSpan.FromSeconds(5)));
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // The listener has stopped or is stopping; nothing of the test depends on it any more.
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not start listening on port {Port}.");
    }

    private async Task<SmtpResponse> ReceiveAsync(IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
    {
        SmtpReplyCode? refusal;
        Hold? hold;
        lock (gate)
        {
            refusal = refusals.Count > 0 ? refusals.Dequeue() : null;
            hold = refusal is null ? nextHold : null;
            if (hold is not null)
            {
                nextHold = null;
            }
        }

        if (refusal is { } code)
        {
            return new SmtpResponse(code, "Refused by the test");
        }

        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, CancellationToken.None);
        var recipients = transaction.To.Select(m => m.AsAddress()).ToList();
        lock (gate)
        {
            received.Add(new ReceivedMessage(message, recipients, transaction.From.AsAddress()));
            changed?.TrySetResult(true);
            changed = null;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, CancellationToken.None);
        }

        if (hold is not null)
        {
            hold.Arrive();
            await hold.Released.WaitAsync(ct);
        }

        return SmtpResponse.Ok;
    }

    public sealed record ReceivedMessage(MimeMessage Message, IReadOnlyList<string> Recipients, string Sender)
    {
        public string Text => Message.TextBody ?? throw new InvalidOperationException("The message has no text part.");
        public string Html => Message.HtmlBody ?? throw new InvalidOperationException("The message has no HTML part.");
        public string? Header(string name) => Message.Headers[name];

        /// <summary>The addresses of every link in the HTML part.</summary>
        public IReadOnlyList<string> Links =>
            [.. new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)];
    }

    /// <summary>A message the server has taken in and not yet answered.</summary>
    public sealed class Hold
    {
        private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Arrived => arrived.Task;
        internal Task Released => released.Task;

        public void Release() => released.TrySetResult();

        internal void Arrive() => arrived.TrySetResult();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            owner.ReceiveAsync(transaction, buffer, cancellationToken);
    }
}
