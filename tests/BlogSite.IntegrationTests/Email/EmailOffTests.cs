using System.Net;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlogSite.IntegrationTests.Email;

/// <summary>With no Email:Smtp:Host the site sends nothing, says so once, and shows no e-mail feature.</summary>
public sealed class EmailOffTests
{
    [Fact]
    public async Task NoHost_SaysSoOnce_HidesEveryEmailFeature_AndStoresNoMessage()
    {
        using var host = new LoggedFactory();
        host.Settings["Comments:MinFormAgeSeconds"] = "0";
        host.Settings["Comments:Blocklist:0"] = "casino";
        var log = host.Log;
        var (admin, _) = await Areas.Admin.AdminData.SignInAsync(host, Roles.Admin);

        Assert.Single(log.Messages, m => m.StartsWith("E-mail is off", StringComparison.Ordinal));
        var signIn = await BlogFactory.ParseAsync(await host.CreateClient().GetAsync("/account/login"));
        Assert.DoesNotContain("Forgot", signIn.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var home = await BlogFactory.ParseAsync(await admin.GetAsync("/admin"));
        Assert.Empty(home.QuerySelectorAll("a[href='/admin/email'], a[href='/account/notifications']"));
        foreach (var path in new[] { "/admin/email", "/account/notifications", "/account/forgot-password", "/account/reset-password?token=x" })
        {
            Assert.True(HttpStatusCode.NotFound == (await admin.GetAsync(path)).StatusCode, path);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.NotifyOfModeration, true).SetProperty(u => u.NotifyOfComments, true));
        }

        var reader = host.CreateReaderClient();
        await reader.GetAsync("/antiforgery/token");
        var posted = await Forms.SubmitAsync(reader, "/articles/" + EmailSite.ArticleSlug, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.Body"] = "A casino" }, submitName: "intent=post");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending)));
        Assert.Equal(0, await host.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    private sealed class LoggedFactory : BlogFactory
    {
        public Lines Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(Log));
        }
    }

    private sealed class Lines : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(Lines lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Messages.Enqueue(formatter(state, exception));
        }
    }
}
