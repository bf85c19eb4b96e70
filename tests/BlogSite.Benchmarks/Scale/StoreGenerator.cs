using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BlogSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Benchmarks.Scale;

/// <summary>
/// Writes a store the size of a blog that has run for years: published articles of ~900 words in 20
/// categories and 2,000 tags, and comments with a long tail (the hottest articles hold thousands, most a
/// handful), a third of them replies. The schema comes from the site's own migrations; rows go in by
/// plain SQL in large transactions. The search index's triggers would rewrite an article's row once per
/// tag, so they are set aside while articles go in and the index is filled once at the end.
/// <code>dotnet run -c Release --project tests/BlogSite.Benchmarks -- generate-store FILE [ARTICLES] [COMMENTS]</code>
/// "goroutine" is in about one article in ten (a common word) and "zebra" in none (no match).
/// </summary>
internal static class StoreGenerator
{
    private const int Categories = 20;
    private const int Tags = 2_000;
    private const int TagsPerArticle = 3;
    private const int WordsPerArticle = 900;
    private static readonly DateTime Newest = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Topics =
    [
        "cache", "query", "index", "thread", "queue", "server", "deploy", "container", "migration", "schema",
        "request", "latency", "memory", "socket", "compiler", "pointer", "channel", "buffer", "logging", "metric",
        "tracing", "proxy", "certificate", "backup", "replica", "partition", "transaction", "lock", "retry", "timeout",
    ];

    private static readonly string[] Authors =
        ["Ada Brennan", "Mei Lin Okafor", "Tomasz Quill", "Rosa Delacroix", "Idris Hale", "Nora Vasquez", "Oskar Lind", "Priya Raman"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length is < 1 or > 3)
        {
            Console.Error.WriteLine("usage: generate-store FILE [ARTICLES=100000] [COMMENTS=1000000]");
            return 2;
        }

        var file = Path.GetFullPath(args[0]);
        var articles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var comments = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} exists; the generator writes a new store only.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using (var db = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        var random = new Random(20261202);
        await WriteTaxonomyAsync(connection);
        var triggers = await DropSearchTriggersAsync(connection);
        await WriteArticlesAsync(connection, articles, random);
        await ExecuteAsync(connection, $"""
            INSERT INTO {SqliteFullTextIndex.Table} (rowid, Title, Summary, Body, Tags)
            SELECT a.Id, a.Title, a.Summary, b.PlainText,
                   COALESCE((SELECT group_concat(t.Name, ' ') FROM ArticleTags AS at JOIN Tags AS t ON t.Id = at.TagsId WHERE at.ArticlesId = a.Id), '')
            FROM Articles AS a JOIN ArticleBodies AS b ON b.ArticleId = a.Id;
            """);
        foreach (var trigger in triggers)
        {
            await ExecuteAsync(connection, trigger);
        }

        Console.Error.WriteLine($"{articles:N0} articles in {watch.Elapsed.TotalSeconds:F0} s");
        await WriteCommentsAsync(connection, articles, comments, random);
        Console.Error.WriteLine($"{comments:N0} comments in {watch.Elapsed.TotalSeconds:F0} s");
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.Error.WriteLine($"{file}: {new FileInfo(file).Length / 1024 / 1024:N0} MB in {watch.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>Drops the search index's triggers and returns the SQL that creates them again.</summary>
    private static async Task<List<string>> DropSearchTriggersAsync(SqliteConnection connection)
    {
        var triggers = new List<(string Name, string Sql)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '{SqliteFullTextIndex.Table}_%'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in triggers)
        {
            await ExecuteAsync(connection, $"DROP TRIGGER {name}");
        }

        return triggers.ConvertAll(trigger => trigger.Sql);
    }

    private static async Task WriteTaxonomyAsync(SqliteConnection connection)
    {
        await using var transaction = connection.BeginTransaction();
        await using var category = Command(connection, transaction, "INSERT INTO Categories (Id, Slug, Name) VALUES ($id, $slug, $name)", "$id", "$slug", "$name");
        for (var i = 1; i <= Categories; i++)
        {
            Set(category, i, $"category-{i}", $"Category {i}");
            await category.ExecuteNonQueryAsync();
        }

        await using var tag = Command(connection, transaction, "INSERT INTO Tags (Id, Slug, Name) VALUES ($id, $slug, $name)", "$id", "$slug", "$name");
        for (var i = 1; i <= Tags; i++)
        {
            var topic = Topics[i % Topics.Length];
            Set(tag, i, $"{topic}-{i}", $"{topic} {i}");
            await tag.ExecuteNonQueryAsync();
        }

        // The authors are accounts (without a password: nobody signs in as them), so each has an author page.
        await using var author = Command(connection, transaction, """
            INSERT INTO AspNetUsers (Id, DisplayName, Slug, UserName, NormalizedUserName, EmailConfirmed, PhoneNumberConfirmed,
                TwoFactorEnabled, LockoutEnabled, AccessFailedCount, SecurityStamp, ConcurrencyStamp)
            VALUES ($id, $name, $slug, $slug, upper($slug), 0, 0, 0, 1, 0, $id, $id)
            """, "$id", "$name", "$slug");
        for (var i = 0; i < Authors.Length; i++)
        {
            Set(author, AuthorId(i), Authors[i], Domain.Slug.From(Authors[i]));
            await author.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static string AuthorId(int author) => $"generated-author-{author}";

    private static async Task WriteArticlesAsync(SqliteConnection connection, int count, Random random)
    {
        var transaction = connection.BeginTransaction();
        await using var insert = Command(connection, transaction, """
            INSERT INTO Articles (Id, AdsOff, AuthorId, AuthorName, CategoryId, CommentsClosed, ContentHash, CreatedAt,
                Hearts, PublishedAt, ReadingMinutes, Slug, Status, Summary, Title, UpdatedAt, Views, WordCount)
            VALUES ($id, 0, $authorId, $author, $category, 0, $hash, $at, 0, $at, $minutes, $slug, 1, $summary, $title, $at, $views, $words)
            """, "$id", "$authorId", "$author", "$category", "$hash", "$at", "$minutes", "$slug", "$summary", "$title", "$views", "$words");
        await using var text = Command(connection, transaction, "INSERT INTO ArticleBodies (ArticleId, Body, PlainText) VALUES ($id, $body, $plain)",
            "$id", "$body", "$plain");
        await using var tag = Command(connection, transaction, "INSERT OR IGNORE INTO ArticleTags (ArticlesId, TagsId) VALUES ($article, $tag)", "$article", "$tag");
        var span = (Newest - Newest.AddYears(-10)).TotalMinutes;
        for (var id = 1; id <= count; id++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var (body, plain) = Body(random, topic, goroutine: random.Next(10) == 0);
            // Older ids are older articles, as on a blog written over the years.
            var at = Newest.AddMinutes(-span * (count - id) / count);
            var author = random.Next(Authors.Length);
            Set(insert, id, AuthorId(author), Authors[author], 1 + random.Next(Categories),
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), Sql(at), WordsPerArticle / 230 + 1,
                $"notes-on-{topic}-{id}", $"What {id} readers asked about the {topic}, answered one by one.",
                $"Notes on the {topic}, part {id}", random.Next(50_000), WordsPerArticle);
            await insert.ExecuteNonQueryAsync();
            Set(text, id, body, plain);
            await text.ExecuteNonQueryAsync();
            for (var t = 0; t < TagsPerArticle; t++)
            {
                Set(tag, id, 1 + random.Next(Tags));
                await tag.ExecuteNonQueryAsync();
            }

            if (id % 10_000 == 0)
            {
                transaction = await NextTransactionAsync(connection, transaction, insert, text, tag);
                Console.Error.WriteLine($"  {id:N0} articles");
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task WriteCommentsAsync(SqliteConnection connection, int articles, int count, Random random)
    {
        var transaction = connection.BeginTransaction();
        await using var insert = Command(connection, transaction, """
            INSERT INTO Comments (Id, ArticleId, ParentId, AuthorName, Body, Status, ReportCount, CreatedAt, PosterHash)
            VALUES ($id, $article, $parent, $author, $body, $status, 0, $at, $poster)
            """, "$id", "$article", "$parent", "$author", "$body", "$status", "$at", "$poster");
        var topLevel = new Dictionary<int, List<int>>();
        for (var id = 1; id <= count; id++)
        {
            // u² puts a few thousand comments on the hottest article and one or none on most; the
            // multiplier scatters the hot ones over the years instead of piling them on the first ids.
            var rank = (int)(articles * Math.Pow(random.NextDouble(), 2));
            var article = 1 + (int)((rank * 7_919L) % articles);
            // Threads are one level deep, as the site keeps them: a reply answers a top-level comment.
            var threads = topLevel.TryGetValue(article, out var ids) ? ids : topLevel[article] = [];
            int? parent = threads.Count > 0 && random.Next(3) == 0 ? threads[random.Next(threads.Count)] : null;
            if (parent is null)
            {
                threads.Add(id);
            }

            var status = random.Next(100) switch { < 95 => 0, < 97 => 1, < 99 => 3, _ => 2 };
            Set(insert, id, article, parent, $"Reader {random.Next(50_000)}",
                $"Thanks for this. The part about the {Topics[random.Next(Topics.Length)]} matched what we saw in production, comment {id}.",
                status, Sql(Newest.AddMinutes(-random.Next(5_000_000))), Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())));
            await insert.ExecuteNonQueryAsync();
            if (id % 100_000 == 0)
            {
                transaction = await NextTransactionAsync(connection, transaction, insert);
                Console.Error.WriteLine($"  {id:N0} comments");
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>Markdown of ~900 words in a few sections, and the same words as plain text.</summary>
    private static (string Body, string Plain) Body(Random random, string topic, bool goroutine)
    {
        var body = new StringBuilder();
        var plain = new StringBuilder();
        for (var words = 0; words < WordsPerArticle;)
        {
            if (words % 150 == 0)
            {
                var heading = $"About the {Topics[random.Next(Topics.Length)]}";
                body.Append("## ").Append(heading).Append("\n\n");
                plain.Append(heading).Append(' ');
            }

            var sentence = new StringBuilder();
            for (var i = 0; i < 15; i++, words++)
            {
                sentence.Append(i == 7 ? topic : Word(random)).Append(i == 14 ? ". " : " ");
            }

            if (goroutine && words == 30)
            {
                sentence.Append("Each goroutine waits on its channel. ");
            }

            body.Append(sentence);
            plain.Append(sentence);
            if (words % 75 == 0)
            {
                body.Append("\n\n");
            }
        }

        return (body.ToString(), plain.ToString());
    }

    /// <summary>A pronounceable word from a vocabulary of about 4,000.</summary>
    private static string Word(Random random)
    {
        ReadOnlySpan<string> starts = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "pl", "cr"];
        ReadOnlySpan<string> vowels = ["a", "e", "i", "o", "u", "ea", "ou"];
        ReadOnlySpan<string> ends = ["", "n", "r", "s", "t", "nd", "ck", "ll", "mp", "st"];
        var syllables = 1 + random.Next(2);
        var word = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            word.Append(starts[random.Next(starts.Length)]).Append(vowels[random.Next(vowels.Length)]).Append(ends[random.Next(ends.Length)]);
        }

        return word.ToString();
    }

    private static async Task<SqliteTransaction> NextTransactionAsync(SqliteConnection connection, SqliteTransaction transaction, params SqliteCommand[] commands)
    {
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        var next = connection.BeginTransaction();
        foreach (var command in commands)
        {
            command.Transaction = next;
        }

        return next;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The text form the site's converter stores dates in.</summary>
    private static string Sql(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
