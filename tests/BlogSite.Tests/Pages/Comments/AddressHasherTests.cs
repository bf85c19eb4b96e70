using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using BlogSite.Domain;
using BlogSite.Pages.Comments;
using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Pages.Comments;

public sealed class AddressHasherTests : IDisposable
{
    private const string Address = "203.0.113.7";
    private const int Days = 30;

    // The first instant of a period of 30 days.
    private static readonly DateTimeOffset PeriodStart = DateTimeOffset.UnixEpoch.AddDays(Days * 700L);

    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider clock = new(PeriodStart);
    private readonly List<IDisposable> instances = [];

    public void Dispose()
    {
        instances.ForEach(i => i.Dispose());
        database.Dispose();
    }

    /// <summary>An instance of the app's hasher with a cache of its own, as another process or a restart has.</summary>
    private AddressHasher Instance(params IInterceptor[] interceptors)
    {
        var services = new ServiceCollection().AddScoped(_ => database.CreateContext(interceptors)).BuildServiceProvider();
        var hasher = new AddressHasher(services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new CommentOptions { SaltRotationDays = Days }));
        instances.Add(hasher);
        instances.Add(services);
        return hasher;
    }

    private List<long> StoredPeriods()
    {
        using var db = database.CreateContext();
        return [.. db.AddressSalts.OrderBy(s => s.Period).Select(s => s.Period)];
    }

    [Fact]
    public void PeriodOf_TurnsAtEachWholeRotationSinceTheEpoch()
    {
        Assert.Equal(699, AddressHasher.PeriodOf(PeriodStart.AddTicks(-1), Days));
        Assert.Equal(700, AddressHasher.PeriodOf(PeriodStart, Days));
        Assert.Equal(700, AddressHasher.PeriodOf(PeriodStart.AddDays(Days).AddTicks(-1), Days));
        Assert.Equal(701, AddressHasher.PeriodOf(PeriodStart.AddDays(Days), Days));
        Assert.Equal(0, AddressHasher.PeriodOf(DateTimeOffset.UnixEpoch.AddHours(23), 1));
        // An instant's zone does not move the boundary.
        Assert.Equal(700, AddressHasher.PeriodOf(PeriodStart.ToOffset(TimeSpan.FromHours(-5)), Days));
    }

    [Fact]
    public async Task Hash_IsHexOfTheStoredLength_AndNeverTheAddress()
    {
        var hashes = await Instance().HashAsync(Address, CancellationToken.None);

        Assert.Equal(CommentReport.AddressHashLength, hashes.Current.Length);
        Assert.Matches("^[0-9a-f]+$", hashes.Current);
        Assert.DoesNotContain(Address, hashes.Current, StringComparison.Ordinal);
        Assert.NotEqual(hashes.Current, (await Instance().HashAsync("203.0.113.8", CancellationToken.None)).Current);
    }

    [Fact]
    public async Task Hash_StaysWithinAPeriod_AndChangesWhenItTurns_KeepingThePreviousOne()
    {
        var hasher = Instance();
        var first = await hasher.HashAsync(Address, CancellationToken.None);
        Assert.Null(first.Previous);

        clock.Advance(TimeSpan.FromDays(Days) - TimeSpan.FromTicks(1));
        Assert.Equal(first, await hasher.HashAsync(Address, CancellationToken.None));

        clock.Advance(TimeSpan.FromTicks(1));
        var next = await hasher.HashAsync(Address, CancellationToken.None);
        Assert.NotEqual(first.Current, next.Current);
        Assert.Equal(first.Current, next.Previous);
        Assert.Equal([700, 701], StoredPeriods());
    }

    [Fact]
    public async Task Instances_ShareTheStoredSalt_SoARestartHashesAlike()
    {
        var before = await Instance().HashAsync(Address, CancellationToken.None);
        var after = await Instance().HashAsync(Address, CancellationToken.None);

        Assert.Equal(before, after);
        Assert.Equal([700], StoredPeriods());
    }

    [Fact]
    public async Task APeriodTurning_IsReadFromTheStore_WhenAnotherInstanceMadeItsSalt()
    {
        var running = Instance();
        await running.HashAsync(Address, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(Days));

        var other = await Instance().HashAsync(Address, CancellationToken.None);

        Assert.Equal(other, await running.HashAsync(Address, CancellationToken.None));
    }

    [Fact]
    public async Task AnInstanceThatLosesTheRaceToCreateASalt_UsesTheWinners()
    {
        var winner = RandomNumberGenerator.GetBytes(AddressSalt.Length);
        var hasher = Instance(new BeforeSaltInsert(() =>
        {
            // Another instance inserts the same period's salt between this one's read and its insert.
            using var db = database.CreateContext();
            db.AddressSalts.Add(new AddressSalt { Period = 700, Salt = winner, CreatedAt = PeriodStart.UtcDateTime });
            db.SaveChanges();
        }));

        var hashes = await hasher.HashAsync(Address, CancellationToken.None);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(winner, Encoding.UTF8.GetBytes(Address)))[..CommentReport.AddressHashLength];
        Assert.Equal(expected, hashes.Current);
        using var check = database.CreateContext();
        Assert.Equal(winner, Assert.Single(check.AddressSalts).Salt);
    }

    [Fact]
    public async Task SaltsOlderThanThePreviousPeriod_AreDeleted()
    {
        var hasher = Instance();
        for (var i = 0; i < 4; i++)
        {
            await hasher.HashAsync(Address, CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(Days));
        }

        Assert.Equal([702, 703], StoredPeriods());

        // After a pause longer than a period there is no previous salt to keep or to match.
        clock.Advance(TimeSpan.FromDays(Days));
        Assert.Null((await hasher.HashAsync(Address, CancellationToken.None)).Previous);
        Assert.Equal([705], StoredPeriods());
    }

    /// <summary>Runs <paramref name="competitor"/> just before the hasher's insert of a salt.</summary>
    private sealed class BeforeSaltInsert(Action competitor) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.StartsWith("INSERT INTO \"AddressSalts\"", StringComparison.Ordinal))
            {
                competitor();
            }

            return ValueTask.FromResult(result);
        }
    }
}
