using BlogSite.Data;
using Microsoft.Extensions.Options;

namespace BlogSite.Content;

/// <summary>
/// Re-syncs content/ when a Markdown file changes, so an author sees an edit without a restart.
/// On only when <see cref="ContentOptions.WatchForChanges"/> is set (Development by default).
/// </summary>
public sealed class ContentWatcher(
    IServiceScopeFactory scopes,
    BlogChanges changes,
    IOptions<ContentOptions> options,
    IHostEnvironment environment,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    // Editors save in bursts (temp file, rename, touch): one sync after the burst settles.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        if (!options.Value.WatchForChanges || !Directory.Exists(folder))
        {
            return;
        }

        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.md") { IncludeSubdirectories = true };
        watcher.Changed += (_, _) => changed.Release();
        watcher.Created += (_, _) => changed.Release();
        watcher.Deleted += (_, _) => changed.Release();
        watcher.Renamed += (_, _) => changed.Release();
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Folder} for Markdown changes", folder);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                await Task.Delay(Settle, stoppingToken);
                while (changed.CurrentCount > 0)
                {
                    await changed.WaitAsync(stoppingToken);
                }

                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ContentSync>().SyncAsync(stoppingToken);
                    changes.Raise(BlogChange.Site);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A file caught half-written must not stop the site; the next save syncs again.
                    logger.LogWarning(ex, "Content sync after a file change failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
