using System.Net;
using BlogSite.Domain;
using BlogSite.IntegrationTests.Areas.Admin;
using BlogSite.IntegrationTests.Areas.Admin.Articles;
using BlogSite.Pages.Articles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BlogSite.IntegrationTests.Backups.BackupTestStore;

namespace BlogSite.IntegrationTests.Backups;

/// <summary>A full site backed up while it takes writes, and restored into fresh folders through the CLI class.</summary>
[Trait(TestStore.Trait, TestStore.SqliteFile)] // Backups and restore copy the SQLite file: the Postgres pass leaves these out (see TestStore)
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_WhileWritersRun_RestoresEveryRowAndFile_IntoAFreshFolder()
    {
        var work = Directory.CreateTempSubdirectory("blogsite-backup-").FullName;
        try
        {
            using var site = new BlogFactory();
            var (author, authorName) = await AdminData.SignInAsync(site, Roles.Author);
            var slug = EditorData.NewSlug("backup");
            var id = await EditorData.CreateAsync(author, slug, ArticleStatus.Published, body: "The first words.\n");
            Assert.Equal(HttpStatusCode.Redirect, (await EditorData.SaveAsync(author, EditorData.EditPath(id),
                EditorData.Fields("Title of " + slug, slug, "The second words.\n", ArticleStatus.Published))).StatusCode);
            var images = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                images.Add(await SaveImageAsync(site, i));
            }

            for (var i = 0; i < 5; i++)
            {
                await AdminData.AddCommentAsync(site, CommentStatus.Published, $"Filled comment {i}", slug: slug);
            }

            var database = site.DatabasePath;
            var media = Path.Combine(Path.GetDirectoryName(database)!, "media");
            var before = await ScalarAsync(database, "SELECT count(*) FROM Comments");

            // Writers heart and comment through the app's own command and context while the backup runs.
            using var stop = new CancellationTokenSource();
            var written = 0;
            async Task WriteAsync(int writer)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    await using (var scope = site.Services.CreateAsyncScope())
                    {
                        await scope.ServiceProvider.GetRequiredService<HeartCommands>().SetAsync(AdminData.ArticleSlug, $"writer-{writer}-{i}", true, CancellationToken.None);
                    }

                    await AdminData.AddCommentAsync(site, CommentStatus.Published, $"Written during the backup {writer}-{i}");
                    Interlocked.Increment(ref written);
                }
            }

            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() => WriteAsync(w))).ToArray();
            await WaitForAsync(() => Task.FromResult(Volatile.Read(ref written) >= 20 ? "" : null), "the writers");
            var writtenBefore = Volatile.Read(ref written);
            var during = await BackUpAsync(site.Services, Path.Combine(work, "during"));
            var writtenAfter = Volatile.Read(ref written);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(writtenAfter > writtenBefore, $"no write went on during the backup ({writtenBefore} before, {writtenAfter} after)");

            // Quiet now: a second archive must hold exactly what the site holds.
            await site.FlushViewsAsync();
            var quiet = await BackUpAsync(site.Services, Path.Combine(work, "quiet"));
            var siteRows = await RowsAsync(database);
            var siteMedia = FileHashes(media);
            Assert.Equal(3, siteMedia.Count);

            var duringRoot = Directory.CreateDirectory(Path.Combine(work, "restored-during")).FullName;
            await using (var services = ServicesFor(duringRoot))
            {
                var (code, output, errors) = await RunAsync(services, "restore", "--from", during);
                Assert.True(code == 0, errors);
                Assert.Contains("There was no store before it", output, StringComparison.Ordinal);
            }

            // A consistent snapshot: every article's heart count matches its heart rows, as each transaction left them.
            var restoredDuring = Path.Combine(duringRoot, "blog.db");
            Assert.Equal(0, await ScalarAsync(restoredDuring,
                "SELECT count(*) FROM Articles a WHERE a.Hearts != (SELECT count(*) FROM Hearts h WHERE h.ArticleId = a.Id)"));
            var duringComments = await ScalarAsync(restoredDuring, "SELECT count(*) FROM Comments");
            Assert.InRange(duringComments, before + writtenBefore, before + writtenAfter + 3);
            var duringRows = await RowsAsync(restoredDuring);
            foreach (var table in new[] { "Comments", "Hearts", "AspNetUsers", "ArticleRevisions", "DataProtectionKeys" })
            {
                Assert.Empty(duringRows[table].Except(siteRows[table]));
            }

            var quietRoot = Directory.CreateDirectory(Path.Combine(work, "restored-quiet")).FullName;
            await using (var services = ServicesFor(quietRoot))
            {
                var (code, _, errors) = await RunAsync(services, "restore", "--from", quiet);
                Assert.True(code == 0, errors);
            }

            var quietRows = await RowsAsync(Path.Combine(quietRoot, "blog.db"));
            Assert.Equal(siteRows.Keys, quietRows.Keys);
            foreach (var (table, rows) in siteRows)
            {
                Assert.True(rows.SequenceEqual(quietRows[table]), $"{table} differs after the restore");
            }

            Assert.True(siteRows["ArticleRevisions"].Count >= 1 && siteRows["Hearts"].Count >= 20 && siteRows["AspNetUsers"].Count >= 1);
            Assert.Equal(siteMedia, FileHashes(Path.Combine(quietRoot, "media")));

            // The restored store serves: the article with its comments, the images, and the author's sign-in.
            using var restored = BlogFactory.InFolder(quietRoot);
            var page = await (await EditorData.ReadAsync(restored, "/articles/" + AdminData.ArticleSlug)).Content.ReadAsStringAsync();
            // The first page shows the oldest threads; which writer's comment is among them depends on the scheduler.
            var oldest = await restored.WithDbAsync(db => db.Comments
                .Where(c => c.Article!.Slug == AdminData.ArticleSlug && c.ParentId == null && c.Status == CommentStatus.Published)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Body).FirstAsync());
            Assert.Contains(oldest, page, StringComparison.Ordinal);
            Assert.Contains("Written during the backup ", page, StringComparison.Ordinal);
            var image = await restored.CreateClient().GetAsync(images[0]);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(siteMedia[Path.GetFileName(images[0])], Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await image.Content.ReadAsByteArrayAsync())));
            var signIn = await Forms.SubmitAsync(restored.CreateReaderClient(), "/account/login", "main form",
                new Dictionary<string, string> { ["Input.Email"] = authorName + "@blogsite.test", ["Input.Password"] = AdminData.Password });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal(await site.WithDbAsync(db => db.Comments.CountAsync()), await restored.WithDbAsync(db => db.Comments.CountAsync()));
        }
        finally
        {
            DeleteFolder(work);
        }
    }

    [Fact]
    public async Task Restore_WhileTheSiteRunsOnTheStore_Is3_AndChangesNothing()
    {
        using var site = new BlogFactory();
        var work = Directory.CreateTempSubdirectory("blogsite-backup-").FullName;
        try
        {
            var archive = await BackUpAsync(site.Services, work);
            var folder = Path.GetDirectoryName(site.DatabasePath)!;
            var filesBefore = Directory.GetFileSystemEntries(folder).Order().ToList();

            var (code, _, errors) = await RunAsync(site.Services, "restore", "--from", archive);

            Assert.Equal(3, code);
            Assert.Contains("A site is running on " + site.DatabasePath, errors, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", errors, StringComparison.Ordinal);
            Assert.Equal(filesBefore, Directory.GetFileSystemEntries(folder).Order().ToList());
            Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync("/articles/" + AdminData.ArticleSlug)).StatusCode);
        }
        finally
        {
            DeleteFolder(work);
        }
    }

    [Fact]
    public async Task Restore_OverAStore_KeepsTheCurrentDatabaseWalShmAndMediaAside()
    {
        var work = Directory.CreateTempSubdirectory("blogsite-backup-").FullName;
        try
        {
            string archive;
            using (var site = new BlogFactory())
            {
                await SaveImageAsync(site, 7);
                archive = await BackUpAsync(site.Services, Path.Combine(work, "archives"));
            }

            var root = Directory.CreateDirectory(Path.Combine(work, "store")).FullName;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                await File.WriteAllTextAsync(Path.Combine(root, "blog.db" + suffix), "the current store" + suffix);
            }

            Directory.CreateDirectory(Path.Combine(root, "media"));
            await File.WriteAllTextAsync(Path.Combine(root, "media", "old.png"), "an old image");

            await using (var services = ServicesFor(root))
            {
                var (code, output, errors) = await RunAsync(services, "restore", "--from", archive);
                Assert.True(code == 0, errors);
                Assert.Contains("The previous store is kept as", output, StringComparison.Ordinal);
            }

            var names = Directory.GetFileSystemEntries(root).Select(Path.GetFileName).ToList();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                var aside = Assert.Single(names, n => n!.StartsWith("blog.db" + suffix + ".before-restore-", StringComparison.Ordinal));
                Assert.Equal("the current store" + suffix, await File.ReadAllTextAsync(Path.Combine(root, aside!)));
            }

            Assert.False(File.Exists(Path.Combine(root, "blog.db-wal")));
            var oldMedia = Assert.Single(names, n => n!.StartsWith("media.before-restore-", StringComparison.Ordinal));
            Assert.Equal("an old image", await File.ReadAllTextAsync(Path.Combine(root, oldMedia!, "old.png")));
            Assert.Single(Directory.GetFiles(Path.Combine(root, "media")));
            Assert.DoesNotContain(names, n => n!.StartsWith('.'));
            Assert.True(await ScalarAsync(Path.Combine(root, "blog.db"), "SELECT count(*) FROM __EFMigrationsHistory") > 0);
        }
        finally
        {
            DeleteFolder(work);
        }
    }

    [Fact]
    public async Task Backup_WithKeep2_KeepsTheNewestTwoArchives_AndNothingElseGoes()
    {
        using var site = new BlogFactory();
        site.Settings["Backup:Keep"] = "2";
        var folder = Path.Combine(Path.GetDirectoryName(site.DatabasePath)!, "backups");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not an archive");
        var elsewhere = Path.Combine(Path.GetDirectoryName(site.DatabasePath)!, "elsewhere");

        var made = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (code, output, errors) = await RunAsync(site.Services, "backup");
            Assert.True(code == 0, errors);
            made.Add(output.Split(' ')[3]);
            await BackUpAsync(site.Services, elsewhere);
        }

        Assert.Equal(made.TakeLast(2).Select(Path.GetFileName).Append("notes.txt").Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal(4, Directory.GetFiles(elsewhere).Length);
    }

    [Fact]
    public async Task Backup_ThatFailsPartWay_LeavesNoFile_SaysWhy_AndReadinessIsDegraded()
    {
        using var site = new BlogFactory();
        var media = Path.Combine(Path.GetDirectoryName(site.DatabasePath)!, "broken-media");
        Directory.CreateDirectory(media);
        File.CreateSymbolicLink(Path.Combine(media, "gone.png"), Path.Combine(media, "nowhere.png"));
        site.Settings["Media:Path"] = media;
        site.Settings["Backup:IntervalHours"] = "24";
        var folder = Path.Combine(Path.GetDirectoryName(site.DatabasePath)!, "backups");
        var log = new ErrorLog();
        using var host = site.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));

        var (code, _, errors) = await RunAsync(host.Services, "backup");

        Assert.Equal(1, code);
        Assert.Contains("no archive was made", errors, StringComparison.Ordinal);
        Assert.Contains("gone.png", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
        Assert.Contains(log.Errors, e => e.StartsWith(typeof(BlogSite.Backups.BackupService).FullName!, StringComparison.Ordinal) && e.Contains("gone.png", StringComparison.Ordinal));
        var ready = await BackupHealthTests.ReadyAsync(host.CreateClient());
        Assert.Equal("Degraded", ready.Backups.GetProperty("status").GetString());
        Assert.Contains("failed", ready.Backups.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>The errors the app logs, by category and message.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Errors.Enqueue(category + ": " + formatter(state, exception));
                }
            }
        }
    }

    [Theory]
    [InlineData("backup", "--from", "x")]
    [InlineData("backup", "--to")]
    [InlineData("backup", "--to", "a", "b")]
    [InlineData("restore")]
    [InlineData("restore", "--to", "x")]
    [InlineData("restore", "--from", " ")]
    public async Task Misuse_Is2_WithTheUsage(params string[] args)
    {
        await using var services = ServicesFor(Path.GetTempPath());

        var (code, _, errors) = await RunAsync(services, args);

        Assert.Equal(2, code);
        Assert.Contains("Usage: backup [--to DIR]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotABackupCommand_GoesOn()
    {
        await using var services = ServicesFor(Path.GetTempPath());

        Assert.Null((await RunAsync(services, "users", "list")).Code);
        Assert.Null((await RunAsync(services)).Code);
    }
}
