using BlogSite.Backups;

namespace BlogSite.Tests.Backups;

public sealed class BackupNameTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 1, 30, 5, 123, TimeSpan.Zero);

    [Fact]
    public void For_IsTheUtcSecond_AndParsesBack()
    {
        var name = BackupName.For(At.ToOffset(TimeSpan.FromHours(2)), 1);

        Assert.Equal("blog-2026-12-02T013005Z.tar.gz", name);
        Assert.Equal(new BackupName(new DateTimeOffset(2026, 12, 2, 1, 30, 5, TimeSpan.Zero), 1, name), BackupName.TryParse(name));
    }

    [Fact]
    public void ASecondArchiveInOneSecond_HasASequence()
    {
        var name = BackupName.For(At, 2);

        Assert.Equal("blog-2026-12-02T013005Z-2.tar.gz", name);
        Assert.Equal(2, BackupName.TryParse(name)!.Sequence);
    }

    [Theory]
    [InlineData(".blog-2026-12-02T013005Z-abc.tar.gz.tmp")]
    [InlineData("blog-2026-12-02T013005Z.tar.gz.tmp")]
    [InlineData("blog-2026-13-02T013005Z.tar.gz")]
    [InlineData("blog-2026-12-02T013005Z-1.tar.gz")]
    [InlineData("blog-2026-12-02T013005Z-02.tar.gz")]
    [InlineData("blog-2026-12-02T013005Z-x.tar.gz")]
    [InlineData("blog-2026-12-02T0130Z.tar.gz")]
    [InlineData("notes.txt")]
    public void OtherNames_AreNotArchives(string name) => Assert.Null(BackupName.TryParse(name));

    [Fact]
    public void Newest_OrdersByTime_ThenSequence()
    {
        var names = new[] { BackupName.For(At, 1), BackupName.For(At.AddDays(-1), 1), BackupName.For(At, 2), BackupName.For(At.AddDays(-2), 3) }
            .Select(n => BackupName.TryParse(n)!);

        Assert.Equal(
            ["blog-2026-12-02T013005Z-2.tar.gz", "blog-2026-12-02T013005Z.tar.gz", "blog-2026-12-01T013005Z.tar.gz", "blog-2026-11-30T013005Z-3.tar.gz"],
            BackupName.Newest(names).Select(n => n.FileName));
    }
}

public sealed class BackupRetentionTests
{
    private static BackupName Archive(int daysAgo, int sequence = 1) =>
        BackupName.TryParse(BackupName.For(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero).AddDays(-daysAgo), sequence))!;

    [Fact]
    public void Expired_IsAllButTheNewestKeep()
    {
        BackupName[] archives = [Archive(3), Archive(0), Archive(5), Archive(1), Archive(0, 2)];

        Assert.Equal([Archive(3), Archive(5)], BackupRetention.Expired(archives, 3));
    }

    [Fact]
    public void Expired_WithFewerThanKeep_IsNone() => Assert.Empty(BackupRetention.Expired([Archive(1), Archive(2)], 14));

    [Fact]
    public void Keep0_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => BackupRetention.Expired([Archive(1)], 0));
}

public sealed class BackupScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    [Fact]
    public void NoArchive_IsDueNow() => Assert.Equal(Now, BackupSchedule.NextDueAt(null, null, Day, Now));

    [Fact]
    public void AfterARestart_ItIsDueOneIntervalAfterTheNewestArchive() =>
        Assert.Equal(Now.AddHours(4), BackupSchedule.NextDueAt(Now.AddHours(-20), null, Day, Now));

    [Fact]
    public void AnOverdueOne_IsDueInThePast() =>
        Assert.True(BackupSchedule.NextDueAt(Now.AddDays(-3), null, Day, Now) < Now);

    [Fact]
    public void AFailure_IsRetriedAfterAnHour_NotADay() =>
        Assert.Equal(Now.AddHours(1), BackupSchedule.NextDueAt(Now.AddDays(-1), Now, Day, Now));

    [Fact]
    public void AFailure_BeforeTheNewestArchive_IsForgotten() =>
        Assert.Equal(Now.AddHours(23), BackupSchedule.NextDueAt(Now.AddHours(-1), Now.AddHours(-2), Day, Now));

    [Fact]
    public void AFailure_WithNoArchive_IsRetriedAfterAnHour() =>
        Assert.Equal(Now.AddMinutes(50), BackupSchedule.NextDueAt(null, Now.AddMinutes(-10), Day, Now));
}
