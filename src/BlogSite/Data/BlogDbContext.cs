using BlogSite.Domain;
using BlogSite.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Data;

/// <summary>The store, on SQLite; <see cref="PostgresBlogDbContext"/> is the same model on PostgreSQL.</summary>
public class BlogDbContext : IdentityDbContext<BlogUser>, IDataProtectionKeyContext
{
    public BlogDbContext(DbContextOptions<BlogDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider's own context, whose options name its type (see <see cref="PostgresBlogDbContext"/>).</summary>
    protected BlogDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<ArticleAlias> ArticleAliases => Set<ArticleAlias>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<ReaderAddress> ReaderAddresses => Set<ReaderAddress>();
    public DbSet<ReplySubscription> ReplySubscriptions => Set<ReplySubscription>();
    public DbSet<ArticleSubscription> ArticleSubscriptions => Set<ArticleSubscription>();
    public DbSet<ArticleAnnouncement> ArticleAnnouncements => Set<ArticleAnnouncement>();
    public DbSet<Heart> Hearts => Set<Heart>();
    public DbSet<AddressSalt> AddressSalts => Set<AddressSalt>();
    public DbSet<ModerationEvent> ModerationEvents => Set<ModerationEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BlogDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored and read as UTC, whatever the server's zone.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>
/// For `dotnet ef migrations add --context BlogDbContext`: without it the tools take <see cref="PostgresBlogDbContextFactory"/>,
/// whose context is a <see cref="BlogDbContext"/> too, and write PostgreSQL's migration into SQLite's set.
/// </summary>
public sealed class BlogDbContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<BlogDbContext>
{
    public BlogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite("Data Source=App_Data/blog.db").Options);
}
